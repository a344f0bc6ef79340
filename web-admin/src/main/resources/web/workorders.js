"use strict";
// The work-order page: open an order (from the agent's current or last call), enter stages,
// the callback list (dialled through the console), search and CSV export. Polls every 5 s.
(function () {
  const L = window.woText;
  const $ = function (id) { return document.getElementById(id); };
  let selected = null;
  // a submission id per form, kept until the box confirms, so a retried click is recorded once
  const pending = {};

  function submission(form) {
    if (!pending[form]) {
      pending[form] = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
    }
    return pending[form];
  }

  function when(iso) {
    return iso || "\u2014"; // already the site's local time
  }

  function say(ok, text) {
    $("message").textContent = ok ? "" : text;
    $("done").textContent = ok ? text : "";
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return body.message || body.error || String(response.status);
    } catch (e) {
      return String(response.status);
    }
  }

  function dueCell(o) {
    const td = document.createElement("td");
    if (o.dueAt) {
      td.appendChild(bbx.text("span", L("workorder.stage." + o.dueStage) + " " + when(o.dueAt)));
    }
    if (o.late) {
      td.appendChild(document.createTextNode(" "));
      td.appendChild(bbx.text("span", L("workorder.late"), "badge late"));
    }
    if (o.caseLag) {
      td.appendChild(document.createTextNode(" "));
      td.appendChild(bbx.text("span", L("workorder.field.caseLag"), "badge lag"));
    }
    return td;
  }

  function row(o, cells) {
    const tr = document.createElement("tr");
    tr.className = "selectable" + (o.late ? " late" : "");
    tr.dataset.number = o.number;
    cells.forEach(function (c) { tr.appendChild(c instanceof Node ? c : bbx.text("td", c)); });
    tr.addEventListener("click", function () { select(o.number); });
    return tr;
  }

  // the search's filters (the export downloads every match, the list pages them)
  function filters() {
    const q = new URLSearchParams();
    if ($("s-number").value) { q.set("number", $("s-number").value); }
    if ($("s-caller").value) { q.set("caller", $("s-caller").value); }
    if ($("s-crew").value) { q.set("crew", $("s-crew").value); }
    if ($("s-stage").value) { q.set("stage", $("s-stage").value); }
    if ($("s-late").checked) { q.set("late", "true"); }
    $("export").href = "/api/workorders/export.csv?" + q.toString();
    return q;
  }

  function drawOrders(orders) {
    const body = $("orders");
    body.replaceChildren();
    orders.forEach(function (o) {
      body.appendChild(row(o, [o.number, L("workorder.kind." + o.kind), L("workorder.status." + o.status),
        o.callerNumber, o.owner, o.crew, when(o.acceptedAt), dueCell(o)]));
    });
    if (orders.length === 0) { body.appendChild(bbx.text("tr", L("workorder.list.empty"))); }
  }

  let orderPages = null;

  function loadOrders() {
    if (orderPages === null) {
      orderPages = bbx.pages($("order-pages"), 20, function (offset, limit) {
        const q = filters();
        q.set("offset", String(offset));
        q.set("limit", String(limit));
        return "/api/workorders?" + q.toString();
      }, drawOrders, function (text) { say(false, text); });
    }
    return orderPages.load();
  }


  let callbackPages = null;

  function loadCallbacks() {
    if (callbackPages === null) {
      callbackPages = bbx.pages($("callback-pages"), 20, function (offset, limit) {
        return "/api/workorders/callbacks?offset=" + offset + "&limit=" + limit;
      }, drawCallbacks, function (text) { say(false, text); });
    }
    return callbackPages.load();
  }

  function drawCallbacks(list) {
    const body = $("callbacks");
    body.replaceChildren();
    list.forEach(function (o) {
      const dial = document.createElement("button");
      dial.type = "button";
      dial.textContent = L("workorder.callbacks.dial");
      dial.className = "dial";
      dial.addEventListener("click", async function (ev) {
        ev.stopPropagation();
        const r = await bbx.post("/api/console/dial", { number: o.callerNumber });
        say(r.ok, r.ok ? o.callerNumber : await problem(r));
        select(o.number);
      });
      const td = document.createElement("td");
      td.appendChild(dial);
      body.appendChild(row(o, [o.number, L("workorder.kind." + o.kind), o.callerNumber, o.owner, dueCell(o), td]));
    });
    if (list.length === 0) { body.appendChild(bbx.text("tr", L("workorder.callbacks.empty"))); }
  }

  async function select(number) {
    const response = await fetch("/api/workorders/" + encodeURIComponent(number));
    if (!response.ok) { say(false, await problem(response)); return; }
    const o = await response.json();
    selected = o;
    $("detail").hidden = false;
    $("d-empty").hidden = true;
    $("d-number").textContent = o.number;
    $("d-kind").textContent = L("workorder.kind." + o.kind);
    $("d-status").textContent = L("workorder.status." + o.status);
    $("d-owner").textContent = o.owner;
    $("d-shift").textContent = o.shift || "\u2014";
    $("d-crew").textContent = o.crew || "\u2014";
    $("d-caller").textContent = [o.callerNumber, o.callerName].filter(Boolean).join(" ");
    $("d-address").textContent = o.address || "\u2014";
    $("d-due").replaceChildren(...dueCell(o).childNodes);
    const stage = $("e-stage");
    const before = stage.value;
    stage.replaceChildren();
    o.allowed.forEach(function (s) {
      const opt = document.createElement("option");
      opt.value = s;
      opt.textContent = L("workorder.stage." + s);
      stage.appendChild(opt);
    });
    if (o.allowed.indexOf(before) >= 0) { stage.value = before; }
    $("enter").hidden = o.allowed.length === 0;
    showStageFields();
    const body = $("d-stages");
    body.replaceChildren();
    o.stages.forEach(function (s) {
      const tr = document.createElement("tr");
      [L("workorder.stage." + s.stage) + (s.outcome ? " · " + L("workorder.outcome." + s.outcome) : "")
        + (s.crew ? " · " + s.crew : ""), when(s.at), s.by, L("workorder.via." + s.via), s.callId || "\u2014", s.note || ""]
        .forEach(function (c) { tr.appendChild(bbx.text("td", c)); });
      body.appendChild(tr);
      // a correction is a new event of its own, shown under the stage it corrects (leads enter them)
      (o.corrections || []).filter(function (c) { return c.ref === s.seq; }).forEach(function (c) {
        const cr = document.createElement("tr");
        cr.className = "correction";
        cr.dataset.ref = String(c.ref);
        [L("workorder.correction.label") + ": " + c.text, when(c.at), c.by, "", "", ""]
          .forEach(function (x) { cr.appendChild(bbx.text("td", x)); });
        body.appendChild(cr);
      });
    });
    const ref = $("k-ref");
    ref.replaceChildren();
    o.stages.forEach(function (s) {
      const opt = document.createElement("option");
      opt.value = String(s.seq);
      opt.textContent = L("workorder.stage." + s.stage) + " " + when(s.at);
      ref.appendChild(opt);
    });
    $("correct").hidden = o.stages.length === 0;
  }

  async function correct(ev) {
    ev.preventDefault();
    if (!selected) { return; }
    const ref = Number($("k-ref").value);
    const key = "correct-" + selected.number + "-" + ref;
    const response = await bbx.post("/api/workorders/" + encodeURIComponent(selected.number) + "/corrections",
      { ref: ref, text: $("k-text").value, submission: submission(key) });
    if (!response.ok) { say(false, await problem(response)); return; }
    delete pending[key];
    say(true, selected.number + " " + L("workorder.correction.done"));
    $("k-text").value = "";
    select(selected.number);
  }

  function showStageFields() {
    const s = $("e-stage").value;
    $("e-crew-label").hidden = s !== "DISPATCH";
    $("e-outcome-label").hidden = s !== "CALLBACK";
  }

  async function consoleCall() {
    const response = await fetch("/api/console/view");
    if (!response.ok) { return null; }
    return response.json();
  }

  async function fillFromCall() {
    const v = await consoleCall();
    if (!v) { say(false, "\u2014"); return; }
    if (v.call) {
      $("c-call").value = v.call.callId;
      $("c-number").value = v.call.number || "";
      if (v.call.name) { $("c-name").value = v.call.name; }
    } else if (v.lastCallId) {
      $("c-call").value = v.lastCallId;
    }
  }

  async function create(ev) {
    ev.preventDefault();
    const body = {
      kind: $("c-kind").value, source: $("c-source").value, callId: $("c-call").value,
      callerNumber: $("c-number").value, callerName: $("c-name").value, address: $("c-address").value,
      area: $("c-area").value, summary: $("c-summary").value, submission: submission("create")
    };
    const response = await bbx.post("/api/workorders", body);
    if (!response.ok) { say(false, await problem(response)); return; }
    delete pending.create;
    const o = await response.json();
    if (body.source === "VOICEMAIL" && body.callId) {
      // the message is handled by this order (the console's inbox shows which)
      await bbx.post("/api/voicemails/" + encodeURIComponent(body.callId) + "/handled", { outcome: "ORDER", order: o.number });
    }
    say(true, L("workorder.create.done", [o.number]));
    $("create").reset();
    await refresh();
    select(o.number);
  }

  async function enter(ev) {
    ev.preventDefault();
    if (!selected) { return; }
    const stage = $("e-stage").value;
    let callId = "";
    if (stage === "CALLBACK") {
      const v = await consoleCall();
      callId = v ? (v.call ? v.call.callId : (v.lastCallId || "")) : "";
    }
    const body = { stage: stage, crew: $("e-crew").value, outcome: stage === "CALLBACK" ? $("e-outcome").value : "",
      note: $("e-note").value, callId: callId, submission: submission("enter-" + selected.number + "-" + stage) };
    const response = await bbx.post("/api/workorders/" + encodeURIComponent(selected.number) + "/stages", body);
    if (!response.ok) { say(false, await problem(response)); return; }
    delete pending["enter-" + selected.number + "-" + stage];
    say(true, selected.number + " " + L("workorder.stage." + stage));
    $("e-note").value = "";
    await refresh();
    select(selected.number);
  }

  async function refresh() {
    await Promise.all([loadOrders(), loadCallbacks()]);
  }

  async function start() {
    await bbx.ready;
    ["ACCEPTED", "DISPATCHED", "ON_SITE", "COMPLETED", "ASSIGNED", "HANDLED", "FED_BACK", "PASSED_ON", "ANSWERED",
      "REOPENED", "CLOSED"].forEach(function (st) {
      const opt = document.createElement("option");
      opt.value = st;
      opt.textContent = L("workorder.status." + st);
      $("s-stage").appendChild(opt);
    });
    $("from-call").addEventListener("click", fillFromCall);
    $("create").addEventListener("submit", create);
    $("enter").addEventListener("submit", enter);
    $("correct").addEventListener("submit", correct);
    $("e-stage").addEventListener("change", showStageFields);
    $("search").addEventListener("submit", function (ev) { ev.preventDefault(); orderPages.first(); loadOrders(); });
    await refresh();
    if (window.location.hash === "#new") { fillFromCall(); }
    const vm = new URLSearchParams(window.location.hash.slice(1));
    if (vm.get("voicemail")) {
      $("c-source").value = "VOICEMAIL";
      $("c-call").value = vm.get("voicemail");
      $("c-number").value = vm.get("caller") || "";
    }
    setInterval(refresh, 5000);
  }

  document.addEventListener("DOMContentLoaded", start);
})();
