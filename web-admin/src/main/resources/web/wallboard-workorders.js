"use strict";
// Late work orders on the wallboard: one red card per order past a deadline (order, kind, the
// stage due and since when), or nothing when none is late. Polls every 15 s; the panel stays
// hidden for users without work orders or on a box without them.
(function () {
  const L = window.woText;

  async function load() {
    const panel = document.getElementById("late-panel");
    const response = await fetch("/api/workorders/late");
    if (!response.ok) {
      panel.hidden = true;
      return;
    }
    const late = await response.json();
    const box = document.getElementById("late-orders");
    box.replaceChildren();
    late.forEach(function (o) {
      const card = document.createElement("div");
      card.className = "late-order";
      card.dataset.number = o.number;
      card.appendChild(document.createTextNode(o.number + " " + L("workorder.kind." + o.kind)));
      card.appendChild(bbx.text("small", L("workorder.stage." + o.dueStage) + " · " + o.dueAt + " · " + (o.crew || o.owner)));
      box.appendChild(card);
    });
    panel.hidden = late.length === 0;
  }

  document.addEventListener("DOMContentLoaded", function () {
    load();
    setInterval(load, 15000);
  });
})();
