"use strict";
// The console's work-order part: a link to open an order for the current call, and the work
// orders due for a callback (completed repairs, complaints due for feedback), each dialled through
// the console's own dialler; the outcome is entered on the order (/workorders). Polls every 10 s.
(function () {
  const L = window.woText;

  // One page of a panel's list (pager.js's envelope). Without work orders (403) the panel goes;
  // after another failure the rows shown stay until the next refresh (null: the pager draws nothing).
  async function pageFor(panel, address) {
    const response = await fetch(address);
    if (!response.ok) {
      document.getElementById(panel).hidden = response.status === 403;
      return null;
    }
    return response.json();
  }

  let callbackPages = null;

  async function load() {
    callbackPages = callbackPages || bbx.pages(document.getElementById("wo-pages"), 10, function (offset, limit) {
      return pageFor("wo-panel", "/api/workorders/callbacks?offset=" + offset + "&limit=" + limit);
    }, drawCallbacks);
    await callbackPages.load();
  }

  function drawCallbacks(list) {
    const body = document.getElementById("wo-callbacks");
    body.replaceChildren();
    list.forEach(function (o) {
      const tr = document.createElement("tr");
      tr.className = o.late ? "late" : "";
      [o.number, L("workorder.kind." + o.kind), o.callerNumber,
        o.dueAt + (o.late ? " · " + L("workorder.late") : "")]
        .forEach(function (c) { tr.appendChild(bbx.text("td", c)); });
      const td = document.createElement("td");
      const dial = document.createElement("button");
      dial.type = "button";
      dial.textContent = L("workorder.callbacks.dial");
      dial.addEventListener("click", function () {
        bbx.post("/api/console/dial", { number: o.callerNumber });
      });
      td.appendChild(dial);
      const open = document.createElement("a");
      open.href = "/workorders";
      open.target = "_blank";
      open.rel = "noopener";
      open.textContent = " " + o.number;
      td.appendChild(open);
      tr.appendChild(td);
      body.appendChild(tr);
    });
    if (list.length === 0) {
      body.appendChild(bbx.text("tr", L("workorder.callbacks.empty")));
    }
  }

  // The voicemail inbox: listen (VOICEMAIL_LISTEN), mark handled, turn into an order or a callback;
  // one page at a time (pager.js), open messages first; the 10 s refresh reloads the page shown.
  let voicemailPages = null;

  async function loadVoicemails() {
    const body = document.getElementById("vm-list");
    if (!body) {
      return;
    }
    if (Array.from(body.querySelectorAll("audio")).some(function (a) { return !a.paused; })) {
      return; // a message is playing: the next refresh redraws the inbox
    }
    voicemailPages = voicemailPages || bbx.pages(document.getElementById("vm-pages"), 10, function (offset, limit) {
      return pageFor("vm-panel", "/api/voicemails?offset=" + offset + "&limit=" + limit);
    }, drawVoicemails);
    await voicemailPages.load();
  }

  function drawVoicemails(list) {
    const body = document.getElementById("vm-list");
    body.replaceChildren();
    list.forEach(function (m) {
      const tr = document.createElement("tr");
      tr.className = m.late ? "late" : "";
      tr.dataset.call = m.callId;
      [m.at, m.caller, m.queue, Math.round(m.durationMs / 1000) + " s",
        m.open ? (m.due + (m.late ? " · " + L("workorder.late") : "")) : L("workorder.voicemail." + m.outcome) + " · " + m.handledBy]
        .forEach(function (c) { tr.appendChild(bbx.text("td", c)); });
      // the actions and the player get a row of their own under the message: the panel is narrow
      const actions = document.createElement("tr");
      actions.className = "vm-actions" + (m.late ? " late" : "");
      actions.dataset.call = m.callId;
      const td = document.createElement("td");
      td.colSpan = 5;
      // agents hear voicemail messages through their own route (VOICEMAIL_LISTEN), logged like any listening
      td.appendChild(button("workorder.voicemail.listen", "vm-listen", function () {
        const old = actions.querySelector("audio");
        if (old) { old.play(); return; }
        const audio = document.createElement("audio");
        audio.controls = true;
        audio.preload = "auto";
        audio.src = "/api/voicemails/" + encodeURIComponent(m.callId) + "/audio";
        td.appendChild(audio);
        audio.play().catch(function () { /* the controls remain for a manual start */ });
      }));
      if (m.open) {
        td.appendChild(button("workorder.voicemail.DONE", "vm-done", function () { handled(m, "DONE", ""); }));
        td.appendChild(button("workorder.voicemail.ORDER", "vm-order", function () {
          window.open("/workorders#voicemail=" + encodeURIComponent(m.callId) + "&caller=" + encodeURIComponent(m.caller),
            "_blank", "noopener");
        }));
        td.appendChild(button("workorder.voicemail.CALLBACK", "vm-callback", async function () {
          const r = await bbx.post("/api/console/callbacks", { number: m.caller, queue: m.queue });
          if (r.ok) { handled(m, "CALLBACK", ""); }
        }));
      }
      actions.appendChild(td);
      body.appendChild(tr);
      body.appendChild(actions);
    });
  }

  function button(key, className, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "secondary " + className;
    b.textContent = L(key);
    b.addEventListener("click", onClick);
    return b;
  }

  async function handled(m, outcome, order) {
    await bbx.post("/api/voicemails/" + encodeURIComponent(m.callId) + "/handled", { outcome: outcome, order: order });
    loadVoicemails();
  }

  // started once the page speaks the user's language: the pagers' 上一页 / 下一页 come from the catalogue
  bbx.ready.then(function () {
    load();
    loadVoicemails();
    setInterval(function () { load(); loadVoicemails(); }, 10000);
  });
})();
