"use strict";
// Late work orders on the wallboard: one red card per order past a deadline (order, kind, the
// stage due and since when), or nothing when none is late. Pushed by the box (the stream's
// "lateOrders" event, sent when the list changes: an escalation shows within a second), read
// once at start; the panel stays hidden for users without work orders or on a box without them.
(function () {
  const L = window.woText;
  let pushed = false;

  function show(late) {
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
    document.getElementById("late-panel").hidden = late.length === 0;
  }

  // the list as it is when the page opens (the stream's first event may have come before this
  // page listened); a push that came meanwhile is newer and wins
  async function first() {
    const response = await fetch("/api/workorders/late");
    if (!response.ok) {
      document.getElementById("late-panel").hidden = true;
      return;
    }
    const late = await response.json();
    if (!pushed) {
      show(late);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    bbx.live.on("lateOrders", function (late) {
      pushed = true;
      show(late);
    });
    first();
  });
})();
