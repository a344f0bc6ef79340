"use strict";
// A crew on a phone browser reports arrival on site or completion, with its crew PIN.
(function () {
  const L = window.woText;
  const $ = function (id) { return document.getElementById(id); };

  async function report(stage) {
    $("message").textContent = "";
    $("done").textContent = "";
    const body = { crew: $("crew").value, pin: $("pin").value, order: $("order").value, stage: stage,
      submission: (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) };
    const r = await bbx.post("/api/workorders/crew-report", body);
    if (!r.ok) {
      let text = String(r.status);
      try { const b = await r.json(); text = b.message || b.error; } catch (e) { /* keep the status */ }
      $("message").textContent = text;
      return;
    }
    $("done").textContent = L("workorder.crew.done", [$("order").value, L("workorder.stage." + stage)]);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-stage]").forEach(function (b) {
      b.addEventListener("click", function () { report(b.dataset.stage); });
    });
  });
})();
