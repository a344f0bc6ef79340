"use strict";
// The console's work-order part: a link to open an order for the current call, and the work
// orders due for a callback (completed repairs, complaints due for feedback), each dialled through
// the console's own dialler; the outcome is entered on the order (/workorders). Polls every 10 s.
(function () {
  const L = window.woText;

  async function load() {
    const body = document.getElementById("wo-callbacks");
    const response = await fetch("/api/workorders/callbacks");
    if (!response.ok) {
      document.getElementById("wo-panel").hidden = response.status === 403;
      return;
    }
    const list = await response.json();
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

  document.addEventListener("DOMContentLoaded", function () {
    load();
    setInterval(load, 10000);
  });
})();
