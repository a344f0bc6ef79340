"use strict";
// The prompts page: browse a set, listen, upload a WAV file (converted by the box), delete.
(function () {
  const message = document.getElementById("message");
  const done = document.getElementById("done");
  const player = document.getElementById("player");
  const setSelect = document.getElementById("set");

  function base(set, name) {
    return "/api/prompts/" + encodeURIComponent(set) + "/" + encodeURIComponent(name);
  }

  function button(key, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = bbx.t(key);
    b.addEventListener("click", onClick);
    return b;
  }

  async function sendWav(method, url, body) {
    const s = await bbx.session();
    return fetch(url, {
      method: method,
      headers: { "Content-Type": "audio/wav", "X-CSRF-Token": s.csrfToken },
      body: body
    });
  }

  async function fail(response) {
    message.textContent = await bbx.errorOf(response);
  }

  function row(set, p) {
    const tr = document.createElement("tr");
    tr.dataset.name = p.name;
    tr.appendChild(bbx.text("td", p.name));
    tr.appendChild(bbx.text("td", p.builtIn && set !== "default" ? bbx.t("prompts.builtIn") : p.origin));
    tr.appendChild(bbx.text("td", bbx.t("prompts.seconds", [window.bbxI18n.number(p.durationMs / 1000, 1)])));
    const actions = document.createElement("td");
    actions.appendChild(button("prompts.listen", function () {
      player.src = base(set, p.name) + ".wav";
      player.play().catch(function () {
        message.textContent = bbx.t("prompts.cannotPlay", [p.name]);
      });
    }));
    if (p.origin === set && set !== "default") {
      actions.appendChild(button("prompts.delete", async function () {
        if (!(await bbx.confirm(bbx.t("prompts.confirmDelete", [set + "/" + p.name])))) {
          return;
        }
        const response = await sendWav("DELETE", base(set, p.name));
        if (!response.ok) {
          await fail(response);
          return;
        }
        done.textContent = bbx.t("prompts.deleted", [set + "/" + p.name]);
        load(set);
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  let shownSet = "";
  let pages = null;

  function draw(prompts, body) {
    message.textContent = "";
    document.getElementById("active").textContent = body.activeSet;
    const options = document.createDocumentFragment();
    body.sets.concat(body.sets.indexOf(body.set) < 0 ? [body.set] : []).forEach(function (s) {
      const o = document.createElement("option");
      o.value = s;
      o.textContent = s === body.activeSet ? bbx.t("prompts.activeSet", [s]) : s;
      o.selected = s === body.set;
      options.appendChild(o);
    });
    setSelect.replaceChildren(options);
    const uploadSet = document.getElementById("upload-set");
    if (!uploadSet.value && body.set !== "default") {
      uploadSet.value = body.set;
    }
    const rows = document.createDocumentFragment();
    prompts.forEach(function (p) {
      rows.appendChild(row(body.set, p));
    });
    document.getElementById("prompts").replaceChildren(rows);
  }

  // the prompts of a set (the active one when set is empty), a page at a time (pager.js)
  function load(set) {
    if (set !== shownSet) {
      shownSet = set || "";
      pages.first();
    }
    return pages.load();
  }

  setSelect.addEventListener("change", function () {
    load(setSelect.value);
  });
  document.getElementById("upload").addEventListener("submit", async function (event) {
    event.preventDefault();
    const set = document.getElementById("upload-set").value;
    const name = document.getElementById("upload-name").value;
    const file = document.getElementById("upload-file").files[0];
    done.textContent = bbx.t("prompts.converting", [file.name]);
    const response = await sendWav("POST", base(set, name), file);
    if (!response.ok) {
      done.textContent = "";
      await fail(response);
      return;
    }
    const saved = await response.json();
    message.textContent = "";
    done.textContent = bbx.t("prompts.saved", [saved.set + "/" + saved.name, saved.source])
        + (saved.gainDb > 0 ? bbx.t("prompts.raised", [window.bbxI18n.number(saved.gainDb, 1)]) : "");
    load(set);
  });
  bbx.ready.then(function () {
    pages = bbx.pages(document.getElementById("prompt-pages"), 20, function (offset, limit) {
      return "/api/prompts?" + (shownSet ? "set=" + encodeURIComponent(shownSet) + "&" : "")
        + "offset=" + offset + "&limit=" + limit;
    }, draw);
    load("");
  });
})();
