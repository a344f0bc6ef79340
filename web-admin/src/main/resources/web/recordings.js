"use strict";
// The recordings page: search (dates are the site's days), listen (PCM stream), download, export
// and legal hold; times in the site's time zone; the box searches by caller digits and pages
// with the one paging component (pager.js: "21–40 of 57").
(function () {
  const message = document.getElementById("message");
  const player = document.getElementById("player");
  const i18n = window.bbxI18n;
  let pager = null;

  function duration(ms) {
    return ms === null || ms === undefined ? null : i18n.duration(Math.round(ms / 1000));
  }

  function base(callId) {
    return "/api/recordings/" + encodeURIComponent(callId);
  }

  function link(key, href) {
    const a = document.createElement("a");
    a.textContent = bbx.t(key);
    a.href = href;
    return a;
  }

  function button(key, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = bbx.t(key);
    b.addEventListener("click", onClick);
    return b;
  }

  async function setHold(r, hold) {
    const question = bbx.t(hold ? "recordings.confirmHold" : "recordings.confirmRelease", [r.callId]);
    if (!(await bbx.confirm(question))) {
      return;
    }
    const response = await bbx.post(base(r.callId) + (hold ? "/hold" : "/release"), {});
    if (!response.ok) {
      message.textContent = await bbx.errorOf(response);
    }
    load();
  }

  function verified(status) {
    return status === null ? bbx.t("recordings.notYet") : bbx.label("recordings.verify.", status);
  }

  function row(r) {
    const tr = document.createElement("tr");
    tr.dataset.callId = r.callId;
    tr.appendChild(bbx.text("td", r.callId));
    tr.appendChild(bbx.text("td", i18n.dateTime(r.startedAt)));
    tr.appendChild(bbx.text("td", r.callerNumber));
    tr.appendChild(bbx.text("td", r.agentId));
    tr.appendChild(bbx.text("td", r.queue));
    tr.appendChild(bbx.text("td", duration(r.durationMs)));
    tr.appendChild(bbx.text("td", verified(r.verifyStatus),
        r.verifyStatus === null || r.verifyStatus === "OK" ? "" : "bad"));
    tr.appendChild(bbx.text("td", bbx.t(r.legalHold ? "recordings.onHold" : "core.no"), r.legalHold ? "hold" : ""));
    const actions = document.createElement("td");
    actions.appendChild(button("recordings.listen", function () {
      player.src = base(r.callId) + "/audio";
      document.getElementById("playing").textContent = bbx.t("recordings.playing", [r.callId]);
      player.play().catch(function () {
        message.textContent = bbx.t("recordings.cannotPlay", [r.callId]);
      });
    }));
    actions.appendChild(link("recordings.download", base(r.callId) + "/download"));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(link("recordings.export", base(r.callId) + "/export"));
    actions.appendChild(button(r.legalHold ? "recordings.release" : "recordings.hold", function () {
      setHold(r, !r.legalHold);
    }));
    tr.appendChild(actions);
    return tr;
  }

  function draw(rows) {
    const fresh = document.createDocumentFragment();
    rows.forEach(function (r) { fresh.appendChild(row(r)); });
    document.getElementById("recordings").replaceChildren(fresh);
  }

  const PAGE = 20;

  function address(offset, limit) {
    const params = new URLSearchParams({ offset: String(offset), limit: String(limit) });
    ["from", "to", "agent", "queue", "caller"].forEach(function (name) {
      const v = document.getElementById(name).value.trim();
      if (v) {
        params.set(name, v);
      }
    });
    return "/api/recordings?" + params.toString();
  }

  function load() {
    return pager.load();
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    pager.first();
    load();
  });
  bbx.ready.then(function () {
    pager = bbx.pages(document.getElementById("pages"), PAGE, address, function (rows) {
      message.textContent = "";
      draw(rows);
    });
    load();
  });
})();
