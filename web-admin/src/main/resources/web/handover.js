"use strict";
// Shift handover: the leaving lead writes the generated draft with notes; the arriving lead
// acknowledges, and only then do the open orders pass to the arriving shift.
(function () {
  const L = window.woText;
  const $ = function (id) { return document.getElementById(id); };
  let writeId = null;

  function say(ok, text) {
    $("message").textContent = ok ? "" : text;
    $("done").textContent = ok ? text : "";
  }

  function list(items) {
    return items && items.length ? items.join(", ") : "\u2014";
  }

  async function problem(r) {
    try { const b = await r.json(); return b.message || b.error; } catch (e) { return String(r.status); }
  }

  let pages = null;

  function load() {
    return pages.load();
  }

  function draw(items, h) {
    $("draft").hidden = !h.draft;
    $("draft-problem").hidden = !h.draftProblem;
    $("draft-problem").textContent = h.draftProblem || "";
    // a handover of this shift already written: the draft is done until the next shift
    $("write").hidden = !!h.draftWritten;
    if (h.draft) {
      $("h-from").textContent = h.draft.fromShift + " (" + h.draft.writtenBy + ")";
      $("h-to").textContent = h.draft.toShift;
      $("h-orders").textContent = list(h.draft.orders);
      $("h-callbacks").textContent = list(h.draft.callbacks);
      $("h-alarms").textContent = list(h.draft.alarms);
    }
    const body = $("handovers");
    body.replaceChildren();
    items.forEach(function (x) {
      const tr = document.createElement("tr");
      [x.id, x.fromShift + " · " + x.writtenBy, x.toShift, list(x.orders), list(x.alarms), x.notes]
        .forEach(function (c) { tr.appendChild(bbx.text("td", c)); });
      const td = document.createElement("td");
      if (x.ackBy) {
        td.appendChild(bbx.text("span", L("workorder.handover.acked") + " · " + x.ackBy, "badge ok"));
      } else {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "ack";
        b.textContent = L("workorder.handover.ack");
        b.addEventListener("click", async function () {
          const r = await bbx.post("/api/handovers/" + encodeURIComponent(x.id) + "/ack", {});
          say(r.ok, r.ok ? L("workorder.handover.acked") : await problem(r));
          load();
        });
        td.appendChild(b);
      }
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  async function write(ev) {
    ev.preventDefault();
    writeId = writeId || ((window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()));
    const r = await bbx.post("/api/handovers", { notes: $("h-notes").value, submission: writeId });
    if (!r.ok) { say(false, await problem(r)); return; }
    writeId = null;
    $("h-notes").value = "";
    say(true, L("workorder.handover.pending"));
    load();
  }

  document.addEventListener("DOMContentLoaded", async function () {
    await bbx.ready;
    $("write").addEventListener("submit", write);
    pages = bbx.pages($("handover-pages"), 20, function (offset, limit) {
      return "/api/handovers?offset=" + offset + "&limit=" + limit;
    }, draw, function (text) { say(false, text); });
    load();
    setInterval(load, 10000);
  });
})();
