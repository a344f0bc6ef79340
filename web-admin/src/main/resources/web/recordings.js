"use strict";
// The recordings page: search, listen (PCM stream), download, export and legal hold.
(function () {
  const message = document.getElementById("message");
  const player = document.getElementById("player");

  function duration(ms) {
    if (ms === null || ms === undefined) {
      return null;
    }
    const s = Math.round(ms / 1000);
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function base(callId) {
    return "/api/recordings/" + encodeURIComponent(callId);
  }

  function link(text, href) {
    const a = document.createElement("a");
    a.textContent = text;
    a.href = href;
    return a;
  }

  function button(text, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  async function setHold(r, hold) {
    const response = await bbx.post(base(r.callId) + (hold ? "/hold" : "/release"), {});
    if (!response.ok) {
      message.textContent = (await response.json()).error;
    }
    load();
  }

  function row(r) {
    const tr = document.createElement("tr");
    tr.dataset.callId = r.callId;
    tr.appendChild(bbx.text("td", r.callId));
    tr.appendChild(bbx.text("td", r.startedAt));
    tr.appendChild(bbx.text("td", r.callerNumber));
    tr.appendChild(bbx.text("td", r.agentId));
    tr.appendChild(bbx.text("td", r.queue));
    tr.appendChild(bbx.text("td", duration(r.durationMs)));
    tr.appendChild(bbx.text("td", r.verifyStatus === null ? "not yet" : r.verifyStatus.toLowerCase(),
        r.verifyStatus === null || r.verifyStatus === "OK" ? "" : "bad"));
    tr.appendChild(bbx.text("td", r.legalHold ? "on hold" : "no", r.legalHold ? "hold" : ""));
    const actions = document.createElement("td");
    actions.appendChild(button("Listen", function () {
      player.src = base(r.callId) + "/audio";
      document.getElementById("playing").textContent = "Playing call " + r.callId;
      player.play().catch(function () {
        message.textContent = "The browser could not play call " + r.callId;
      });
    }));
    actions.appendChild(link("Download", base(r.callId) + "/download"));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(link("Export", base(r.callId) + "/export"));
    actions.appendChild(button(r.legalHold ? "Release hold" : "Legal hold", function () {
      setHold(r, !r.legalHold);
    }));
    tr.appendChild(actions);
    return tr;
  }

  async function load() {
    const params = new URLSearchParams();
    ["from", "to", "agent", "queue"].forEach(function (name) {
      const v = document.getElementById(name).value;
      if (v) {
        params.set(name, v);
      }
    });
    const response = await fetch("/api/recordings?" + params.toString());
    if (!response.ok) {
      message.textContent = response.status === 403 ? "Your role may not use recordings"
          : "Cannot list recordings (" + response.status + ")";
      return;
    }
    message.textContent = "";
    const rows = await response.json();
    const fresh = document.createDocumentFragment();
    rows.forEach(function (r) {
      fresh.appendChild(row(r));
    });
    document.getElementById("recordings").replaceChildren(fresh);
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });
  bbx.bindLogout();
  load();
})();
