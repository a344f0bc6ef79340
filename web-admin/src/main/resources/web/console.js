"use strict";
// The agent console: polls /api/console/view every second and redraws; every action is a POST
// whose errors show in #message. Caller names, notes and numbers are customer text: they reach the
// DOM through textContent only, never as markup.
(function () {
  const POLL_MS = 1000;
  const text = bbx.text;
  const message = document.getElementById("message");
  let view = null;
  let colleagues = [];
  let supervisor = false;
  let lastOk = 0;

  function el(id) {
    return document.getElementById(id);
  }

  function setText(id, value) {
    el(id).textContent = value === null || value === undefined || value === "" ? "\u2014" : String(value);
  }

  function show(id, visible) {
    el(id).classList.toggle("hidden", !visible);
  }

  function duration(iso) {
    if (!iso) {
      return null;
    }
    let seconds = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    seconds = seconds % 60;
    return (h > 0 ? h + "h " : "") + (h > 0 || m > 0 ? m + "m " : "") + seconds + "s";
  }

  function when(iso) {
    return iso ? new Date(Date.parse(iso)).toLocaleString() : null;
  }

  // Rebuilds a <select> only when its choices changed, so a poll never undoes the agent's choice.
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

  function plain(values) {
    return values.map(function (v) { return { value: v, label: v }; });
  }

  async function errorOf(response) {
    try {
      const body = await response.json();
      return body.error || ("the box answered " + response.status);
    } catch (e) {
      return "the box answered " + response.status;
    }
  }

  async function act(path, body) {
    message.textContent = "";
    el("done").textContent = "";
    try {
      const response = await bbx.post("/api/console/" + path, body);
      if (!response.ok) {
        message.textContent = await errorOf(response);
        return false;
      }
      return true;
    } catch (e) {
      message.textContent = "The box did not answer. Check the network and try again.";
      return false;
    } finally {
      refresh();
    }
  }

  function loggedOut(v) {
    return v.seat <= 0 || String(v.state).toUpperCase().replace(/[ -]/g, "_") === "LOGGED_OUT";
  }

  function renderSeat(v) {
    setText("agent-name", v.name ? v.name + " (" + v.agentId + ")" : v.agentId);
    setText("agent-state", v.reasonCode ? v.state + " \u2013 " + v.reasonCode : v.state);
    setText("agent-seat", v.seat > 0 ? v.seat : "none");
    setText("agent-since", duration(v.since));
    show("seat-login", loggedOut(v));
    show("seat-actions", !loggedOut(v));
    choices(el("not-ready-reason"), plain(v.notReadyReasons));
  }

  function renderHistory(history) {
    const fresh = document.createDocumentFragment();
    history.forEach(function (h) {
      const tr = document.createElement("tr");
      tr.appendChild(text("td", when(h.startedAt)));
      tr.appendChild(text("td", h.direction));
      tr.appendChild(text("td", h.agentId));
      tr.appendChild(text("td", h.disposition));
      tr.appendChild(text("td", h.wrapUpCode));
      tr.appendChild(text("td", h.notes, "notes"));
      tr.appendChild(text("td", h.customerName));
      fresh.appendChild(tr);
    });
    if (history.length === 0) {
      const tr = document.createElement("tr");
      tr.appendChild(text("td", "No earlier calls from this number."));
      fresh.appendChild(tr);
    }
    el("history").replaceChildren(fresh);
  }

  function renderTargets(v) {
    const items = el("transfer-kind").value === "queue" ? plain(v.queues)
      : colleagues.filter(function (a) { return a.agentId !== v.agentId; }).map(function (a) {
        return { value: a.agentId, label: (a.name || a.agentId) + " (" + a.agentId + ", " + a.state + ")" };
      });
    choices(el("transfer-target"), items);
  }

  function renderCall(v) {
    const c = v.call;
    show("call-panel", c !== null);
    if (c === null) {
      return;
    }
    const state = c.state;
    setText("call-state", state);
    el("call-state").className = state === "OFFERED" ? "offered" : "";
    setText("call-number", c.number || "withheld");
    setText("call-name", c.name);
    setText("call-direction", c.direction);
    setText("call-queue", c.queue);
    setText("call-id", c.callId);
    setText("call-since", duration(c.since));
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
    choices(el("wrap-up-code"), plain(v.wrapUpCodes));
  }

  function monitorButton(agentId, mode, label) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.agent = agentId;
    b.dataset.mode = mode;
    b.addEventListener("click", function () {
      act("monitor", { agentId: agentId, mode: mode });
    });
    return b;
  }

  function renderAgents(agents) {
    const fresh = document.createDocumentFragment();
    agents.forEach(function (a) {
      const tr = document.createElement("tr");
      tr.dataset.agent = a.agentId;
      [a.agentId, a.name, a.seat > 0 ? a.seat : "none", a.state, a.reasonCode, duration(a.since), a.callId]
        .forEach(function (value) { tr.appendChild(text("td", value === "" ? null : value)); });
      const cell = document.createElement("td");
      if (a.callId) {
        cell.appendChild(monitorButton(a.agentId, "LISTEN", "Listen"));
        cell.appendChild(monitorButton(a.agentId, "WHISPER", "Whisper"));
        cell.appendChild(monitorButton(a.agentId, "BARGE", "Barge"));
        cell.appendChild(monitorButton(a.agentId, "END", "End"));
      }
      tr.appendChild(cell);
      fresh.appendChild(tr);
    });
    el("agents").replaceChildren(fresh);
  }

  function renderNotice(v) {
    // why the last dial failed (cause and attempts), until the next one
    show("call-notice", Boolean(v.notice));
    setText("call-notice", v.notice || "");
  }

  function render(v) {
    view = v;
    renderNotice(v);
    renderSeat(v);
    renderCall(v);
    renderWrapUp(v);
  }

  function freshness(error) {
    const f = el("freshness");
    if (error) {
      f.textContent = "No update since " + (lastOk ? new Date(lastOk).toLocaleTimeString() : "page load") + ": " + error;
      f.className = "notice bad";
    } else {
      f.textContent = "Updated " + new Date(lastOk).toLocaleTimeString();
      f.className = "notice";
    }
  }

  async function loadAgents() {
    const response = await fetch(supervisor ? "/api/console/supervisor/agents" : "/api/console/agents");
    if (response.ok) {
      const agents = await response.json();
      colleagues = agents;
      if (supervisor) {
        renderAgents(agents);
      }
    }
  }

  async function loadCallbacks() {
    const response = await fetch("/api/console/callbacks");
    if (response.ok) {
      const fresh = document.createDocumentFragment();
      (await response.json()).forEach(function (c) {
        const tr = document.createElement("tr");
        [c.number, c.queue, new Date(c.placeSince).toLocaleString(), String(c.attempts)]
          .forEach(function (value) { tr.appendChild(text("td", value)); });
        fresh.appendChild(tr);
      });
      el("callbacks").replaceChildren(fresh);
    }
  }

  async function refresh() {
    try {
      const response = await fetch("/api/console/view");
      if (response.status === 401) {
        window.location.assign("/login");
        return;
      }
      if (!response.ok) {
        freshness(await errorOf(response));
        return;
      }
      await loadAgents();
      await loadCallbacks();
      const v = await response.json();
      choices(el("callback-queue"), plain(v.queues));
      render(v);
      lastOk = Date.now();
      freshness(null);
    } catch (e) {
      freshness("the box does not answer");
    }
  }

  async function poll() {
    await refresh();
    window.setTimeout(poll, POLL_MS);
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
    act("login", { seat: Number(el("seat-number").value) });
  });
  onClick("seat-logout", function () { act("logout", {}); });
  onClick("ready", function () { act("ready", {}); });
  onClick("not-ready", function () { act("not-ready", { reason: el("not-ready-reason").value }); });
  ["answer", "hangup", "hold", "retrieve", "complete-transfer"].forEach(function (id) {
    onClick(id, function () { act(id, {}); });
  });
  el("transfer-kind").addEventListener("change", function () {
    if (view !== null) {
      renderTargets(view);
    }
  });
  onSubmit("transfer", function () {
    act("transfer", {
      kind: el("transfer-kind").value,
      name: el("transfer-target").value,
      attended: el("transfer-attended").checked
    });
  });
  onSubmit("dial", async function () {
    if (await act("dial", { number: el("dial-number").value.trim() })) {
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
      el("done").textContent = "Wrap-up saved.";
    }
  });

  bbx.bindLogout();
  bbx.session().then(function (s) {
    el("who").textContent = s.username;
    supervisor = s.permissions.includes("AGENTS_SUPERVISE");
    show("supervisor-panel", supervisor);
    poll();
  });
})();
