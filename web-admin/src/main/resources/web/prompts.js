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

  function button(text, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  async function send(method, url, body) {
    const s = await bbx.session();
    return fetch(url, {
      method: method,
      headers: { "Content-Type": "audio/wav", "X-CSRF-Token": s.csrfToken },
      body: body
    });
  }

  async function fail(response) {
    const body = await response.json().catch(function () { return {}; });
    message.textContent = response.status === 403 ? "Your role may not change prompts"
        : (body.error || "Failed (" + response.status + ")");
  }

  function row(set, p) {
    const tr = document.createElement("tr");
    tr.dataset.name = p.name;
    tr.appendChild(bbx.text("td", p.name));
    tr.appendChild(bbx.text("td", p.builtIn && set !== "default" ? "default (built in)" : p.origin));
    tr.appendChild(bbx.text("td", (p.durationMs / 1000).toFixed(1) + " s"));
    const actions = document.createElement("td");
    actions.appendChild(button("Listen", function () {
      player.src = base(set, p.name) + ".wav";
      player.play().catch(function () {
        message.textContent = "The browser could not play " + p.name;
      });
    }));
    if (p.origin === set && set !== "default") {
      actions.appendChild(button("Delete", async function () {
        const response = await send("DELETE", base(set, p.name));
        if (!response.ok) {
          await fail(response);
          return;
        }
        done.textContent = "Deleted " + set + "/" + p.name;
        load(set);
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  async function load(set) {
    const response = await fetch("/api/prompts" + (set ? "?set=" + encodeURIComponent(set) : ""));
    if (!response.ok) {
      await fail(response);
      return;
    }
    message.textContent = "";
    const body = await response.json();
    document.getElementById("active").textContent = body.activeSet;
    const options = document.createDocumentFragment();
    body.sets.concat(body.sets.indexOf(body.set) < 0 ? [body.set] : []).forEach(function (s) {
      const o = document.createElement("option");
      o.value = s;
      o.textContent = s + (s === body.activeSet ? " (active)" : "");
      o.selected = s === body.set;
      options.appendChild(o);
    });
    setSelect.replaceChildren(options);
    const uploadSet = document.getElementById("upload-set");
    if (!uploadSet.value && body.set !== "default") {
      uploadSet.value = body.set;
    }
    const rows = document.createDocumentFragment();
    body.prompts.forEach(function (p) {
      rows.appendChild(row(body.set, p));
    });
    document.getElementById("prompts").replaceChildren(rows);
  }

  setSelect.addEventListener("change", function () {
    load(setSelect.value);
  });
  document.getElementById("upload").addEventListener("submit", async function (event) {
    event.preventDefault();
    const set = document.getElementById("upload-set").value;
    const name = document.getElementById("upload-name").value;
    const file = document.getElementById("upload-file").files[0];
    done.textContent = "Converting " + file.name + " ...";
    const response = await send("POST", base(set, name), file);
    if (!response.ok) {
      done.textContent = "";
      await fail(response);
      return;
    }
    const saved = await response.json();
    message.textContent = "";
    done.textContent = "Saved " + saved.set + "/" + saved.name + " from " + saved.source
        + (saved.gainDb > 0 ? ", raised by " + saved.gainDb.toFixed(1) + " dB" : "");
    load(set);
  });
  bbx.bindLogout();
  load(null);
})();
