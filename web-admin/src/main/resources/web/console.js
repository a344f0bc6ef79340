"use strict";
// The agent console: the own seat and call, updated in place from the push stream (event
// "console"), so that nothing under the agent's pointer is ever redrawn; every action is a POST
// whose error shows in #message, the disruptive ones after a confirmation. Caller names, notes
// and numbers are customer text: they reach the DOM through textContent only, never as markup.
(function () {
  const i18n = window.bbxI18n;
  const text = bbx.text;
  const message = document.getElementById("message");
  let view = null;
  let colleagues = [];

  function el(id) {
    return document.getElementById(id);
  }

  // Changes the text only when it differs: no needless redraw.
  function setText(id, value) {
    const shown = value === null || value === undefined || value === "" ? "\u2014" : String(value);
    if (el(id).textContent !== shown) {
      el(id).textContent = shown;
    }
  }

  function show(id, visible) {
    el(id).classList.toggle("hidden", !visible);
  }

  // Rebuilds a <select> only when its choices changed, so an update never undoes the agent's choice.
  function choices(select, items) {
    const key = JSON.stringify(items);
    if (select.dataset.key === key) {
      return;
    }
    const chosen = select.value;
    const fresh = document.createDocumentFragment();
    items.forEach(function (item) {
      const option = document.createElement("option");
      option.value = item.value;
      option.textContent = item.label;
      fresh.appendChild(option);
    });
    select.replaceChildren(fresh);
    select.dataset.key = key;
    if (items.some(function (item) { return item.value === chosen; })) {
      select.value = chosen;
    }
  }

  function labelled(prefix, values) {
    return values.map(function (v) { return { value: v, label: bbx.label(prefix, v) }; });
  }

  async function act(path, body, question) {
    message.textContent = "";
    el("done").textContent = "";
    if (question && !(await bbx.confirm(question))) {
      return false;
    }
    try {
      const response = await bbx.post("/api/console/" + path, body);
      if (!response.ok) {
        message.textContent = await consoleError(response);
        return false;
      }
      return true;
    } catch (e) {
      message.textContent = bbx.t("core.noAnswer");
      return false;
    } finally {
      refresh();
    }
  }

  // Call control's refusals carry a code: shown by its display name when the catalogue has one.
  async function consoleError(response) {
    const body = await response.clone().json().catch(function () { return {}; });
    if (body.code && i18n.has("console.refused." + body.code)) {
      return bbx.t("console.refused." + body.code);
    }
    return bbx.errorOf(response);
  }

  function loggedOut(v) {
    return v.seat <= 0 || String(v.state).toUpperCase().replace(/[ -]/g, "_") === "LOGGED_OUT";
  }

  function renderSeat(v) {
    setText("agent-name", v.name ? v.name + " (" + v.agentId + ")" : v.agentId);
    const state = bbx.label("core.agentState.", v.state);
    setText("agent-state", v.reasonCode ? state + " \u2013 " + bbx.label("console.reason.", v.reasonCode) : state);
    el("agent-state").dataset.state = v.state;
    setText("agent-seat", v.seat > 0 ? v.seat : bbx.t("core.none"));
    setText("agent-since", i18n.since(v.since));
    show("seat-login", loggedOut(v));
    show("seat-actions", !loggedOut(v));
    choices(el("not-ready-reason"), labelled("console.reason.", v.notReadyReasons));
  }

  function renderHistory(history) {
    const key = JSON.stringify(history);
    if (el("history").dataset.key === key) {
      return;
    }
    el("history").dataset.key = key;
    const fresh = document.createDocumentFragment();
    history.forEach(function (h) {
      const tr = document.createElement("tr");
      tr.appendChild(text("td", i18n.dateTime(h.startedAt)));
      tr.appendChild(text("td", bbx.label("console.direction.", h.direction)));
      tr.appendChild(text("td", h.agentId));
      tr.appendChild(text("td", bbx.label("console.disposition.", h.disposition)));
      tr.appendChild(text("td", bbx.label("console.wrapUp.", h.wrapUpCode)));
      tr.appendChild(text("td", h.notes, "notes"));
      tr.appendChild(text("td", h.customerName));
      fresh.appendChild(tr);
    });
    if (history.length === 0) {
      const tr = document.createElement("tr");
      tr.appendChild(text("td", bbx.t("console.noHistory")));
      fresh.appendChild(tr);
    }
    el("history").replaceChildren(fresh);
    el("history").closest("details").open = history.length > 0;
  }

  function renderTargets(v) {
    const items = el("transfer-kind").value === "queue" ? labelled("console.queueName.", v.queues)
      : colleagues.filter(function (a) { return a.agentId !== v.agentId; }).map(function (a) {
        return { value: a.agentId, label: (a.name || a.agentId) + " (" + bbx.label("core.agentState.", a.state) + ")" };
      });
    choices(el("transfer-target"), items);
  }

  function renderCall(v) {
    const c = v.call;
    show("call-panel", c !== null);
    bbx.offerAlert(c);
    if (c === null) {
      return;
    }
    const state = c.state;
    setText("call-state", bbx.label("core.callState.", state));
    el("call-state").dataset.state = state;
    el("call-state").className = state === "OFFERED" ? "offered" : "";
    setText("call-number", c.number || bbx.t("console.withheld"));
    setText("call-name", c.name);
    setText("call-direction", bbx.label("console.direction.", c.direction));
    setText("call-queue", c.queue);
    setText("call-id", c.callId);
    setText("call-since", i18n.since(c.since));
    el("answer").disabled = state !== "OFFERED";
    el("hold").disabled = state !== "CONNECTED";
    el("retrieve").disabled = state !== "HELD" && state !== "CONSULTING";
    el("complete-transfer").disabled = state !== "CONSULTING";
    el("transfer-button").disabled = state !== "CONNECTED" && state !== "HELD";
    renderHistory(c.history);
    renderTargets(v);
  }

  function renderWrapUp(v) {
    show("wrap-up-panel", v.lastCallId !== "");
    const form = el("wrap-up");
    if (form.dataset.callId !== v.lastCallId) {
      // a new call to classify: start from an empty form
      form.dataset.callId = v.lastCallId;
      el("wrap-up-notes").value = "";
      el("wrap-up-name").value = "";
    }
    setText("wrap-up-call", v.lastCallId);
    choices(el("wrap-up-code"), labelled("console.wrapUp.", v.wrapUpCodes));
  }

  function render(v) {
    if (v.code && !v.agentId) {
      // no console view: say why (not a configured agent, console unavailable)
      message.textContent = i18n.has("console.refused." + v.code) ? bbx.t("console.refused." + v.code) : v.message;
      return;
    }
    const callBefore = view && view.call ? view.call.callId : null;
    view = v;
    show("call-notice", Boolean(v.notice));
    setText("call-notice", v.notice || "");
    renderSeat(v);
    renderCall(v);
    renderWrapUp(v);
    choices(el("callback-queue"), labelled("console.queueName.", v.queues));
    if (v.call && v.call.callId !== callBefore) {
      loadColleagues();
    }
  }

  async function loadColleagues() {
    const response = await fetch("/api/console/agents");
    if (response.ok) {
      colleagues = await response.json();
      if (view !== null && view.call !== null) {
        renderTargets(view);
      }
    }
  }

  // The callback list, one page at a time (pager.js); every refresh reloads the page shown. A
  // failed read keeps the rows shown and leaves #message to the console's own actions.
  let callbackPages = null;

  function loadCallbacks() {
    callbackPages = callbackPages || bbx.pages(el("callback-pages"), 10, function (offset, limit) {
      return "/api/console/callbacks?offset=" + offset + "&limit=" + limit;
    }, function (items) {
      const fresh = document.createDocumentFragment();
      items.forEach(function (c) {
        const tr = document.createElement("tr");
        [c.number, c.queue, i18n.dateTime(c.placeSince), String(c.attempts)]
          .forEach(function (value) { tr.appendChild(text("td", value)); });
        fresh.appendChild(tr);
      });
      el("callbacks").replaceChildren(fresh);
    }, function () { /* see above */ });
    return callbackPages.load();
  }

  // After an action the page asks at once rather than waiting for the push.
  async function refresh() {
    try {
      const response = await fetch("/api/console/view");
      if (response.ok) {
        render(await response.json());
      }
      loadCallbacks();
    } catch (e) {
      message.textContent = bbx.t("core.noAnswer");
    }
  }

  function onSubmit(id, handler) {
    el(id).addEventListener("submit", function (event) {
      event.preventDefault();
      handler();
    });
  }

  function onClick(id, handler) {
    el(id).addEventListener("click", handler);
  }

  onSubmit("seat-login", function () {
    bbx.enableAlerts();
    act("login", { seat: Number(el("seat-number").value) });
  });
  onClick("alerts", bbx.enableAlerts);
  onClick("seat-logout", function () { act("logout", {}, bbx.t("console.confirmSeatLogout")); });
  onClick("ready", function () { bbx.enableAlerts(); act("ready", {}); });
  onClick("not-ready", function () {
    const reason = el("not-ready-reason").value;
    act("not-ready", { reason: reason }, bbx.t("console.confirmNotReady", [bbx.label("console.reason.", reason)]));
  });
  onClick("answer", function () { act("answer", {}); });
  onClick("hangup", function () { act("hangup", {}, bbx.t("console.confirmHangup")); });
  onClick("hold", function () { act("hold", {}); });
  onClick("retrieve", function () { act("retrieve", {}); });
  onClick("complete-transfer", function () { act("complete-transfer", {}, bbx.t("console.confirmComplete")); });
  el("transfer-kind").addEventListener("change", function () {
    if (view !== null) {
      renderTargets(view);
    }
  });
  onSubmit("transfer", function () {
    const target = el("transfer-target");
    const label = target.selectedOptions.length ? target.selectedOptions[0].textContent : target.value;
    act("transfer", {
      kind: el("transfer-kind").value,
      name: target.value,
      attended: el("transfer-attended").checked
    }, bbx.t("console.confirmTransfer", [label]));
  });
  onSubmit("dial", async function () {
    const number = el("dial-number").value.trim();
    if (await act("dial", { number: number }, bbx.t("console.confirmDial", [number]))) {
      el("dial-number").value = "";
    }
  });
  onSubmit("callback", async function () {
    if (await act("callbacks", { number: el("callback-number").value.trim(), queue: el("callback-queue").value })) {
      el("callback-number").value = "";
    }
  });
  onSubmit("wrap-up", async function () {
    const saved = await act("wrap-up", {
      callId: el("wrap-up").dataset.callId,
      code: el("wrap-up-code").value,
      notes: el("wrap-up-notes").value,
      customerName: el("wrap-up-name").value
    });
    if (saved) {
      el("done").textContent = bbx.t("console.wrapUpSaved");
    }
  });

  bbx.ready.then(function () {
    bbx.live.on("console", render);
    refresh();
    // the durations ("for 1 min 5 s") move on between pushes
    window.setInterval(function () {
      if (view !== null) {
        setText("agent-since", i18n.since(view.since));
        if (view.call) {
          setText("call-since", i18n.since(view.call.since));
        }
      }
    }, 1000);
  });
})();
