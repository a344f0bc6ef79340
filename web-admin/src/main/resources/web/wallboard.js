"use strict";
// The live wallboard for the shift lead and the director: per queue the callers waiting now, the
// longest wait, today's offered / answered / abandoned calls and service level; every agent with
// state (示忙 reasons by their names) and time in state. Driven by the push stream ("status" for
// queues, "agents" for states and reasons); the cards are made once and updated in place.
(function () {
  const i18n = window.bbxI18n;
  // Colour thresholds: green below / at "amber", amber up to "red", red beyond.
  const LIMITS = {
    waiting: { amber: 1, red: 3 },
    longestWait: { amber: 20, red: 60 },
    serviceLevel: { amber: 80, red: 60 }
  };
  const STATE_COLOUR = {
    READY: "green", OFFERED: "amber", ON_CALL: "amber", WRAP_UP: "amber", NOT_READY: "red", LOGGED_OUT: "grey"
  };
  const queueCards = {};
  const tiles = {};
  let agents = [];
  let statusAgents = [];
  let lastOk = 0;

  function level(value, limit, higherIsBetter) {
    if (higherIsBetter) {
      return value >= limit.amber ? "green" : (value >= limit.red ? "amber" : "red");
    }
    return value < limit.amber ? "green" : (value < limit.red ? "amber" : "red");
  }

  function figure(key, big) {
    const div = document.createElement("div");
    div.className = "figure" + (big ? " big" : "");
    const label = document.createElement("div");
    label.className = "label";
    label.textContent = bbx.t(key);
    const value = document.createElement("div");
    value.className = "value";
    div.append(label, value);
    return div;
  }

  function set(fig, value, colour) {
    const v = fig.querySelector(".value");
    const shown = String(value);
    if (v.textContent !== shown) {
      v.textContent = shown;
    }
    fig.className = fig.className.replace(/ ?(green|amber|red)/g, "") + (colour ? " " + colour : "");
  }

  function card(name) {
    let c = queueCards[name];
    if (!c) {
      const section = document.createElement("section");
      section.className = "queue";
      section.dataset.queue = name;
      const h = document.createElement("h3");
      h.textContent = name;
      const figures = document.createElement("div");
      figures.className = "figures";
      c = {
        section: section,
        waiting: figure("wallboard.waiting", true),
        longest: figure("wallboard.longestWait", true),
        level: figure("wallboard.serviceLevel", true),
        offered: figure("wallboard.offered"),
        answered: figure("wallboard.answered"),
        abandoned: figure("wallboard.abandoned")
      };
      figures.append(c.waiting, c.longest, c.level, c.offered, c.answered, c.abandoned);
      section.append(h, figures);
      document.getElementById("queues").appendChild(section);
      queueCards[name] = c;
    }
    return c;
  }

  function renderQueues(v) {
    v.queues.forEach(function (q) {
      const c = card(q.name);
      set(c.waiting, q.waiting, level(q.waiting, LIMITS.waiting, false));
      set(c.longest, i18n.duration(q.longestWaitSeconds), level(q.longestWaitSeconds, LIMITS.longestWait, false));
      const sl = q.offeredToday > 0 ? Math.round(q.serviceLevelPercent) : null;
      set(c.level, sl === null ? "\u2014" : sl + "%", sl === null ? "" : level(sl, LIMITS.serviceLevel, true));
      set(c.offered, q.offeredToday);
      set(c.answered, q.answeredToday);
      set(c.abandoned, q.abandonedToday, q.abandonedToday > 0 ? "amber" : "");
      c.section.dataset.waiting = String(q.waiting);
      c.section.dataset.answered = String(q.answeredToday);
    });
  }

  function tile(agentId) {
    let t = tiles[agentId];
    if (!t) {
      t = document.createElement("div");
      t.className = "tile";
      t.dataset.agent = agentId;
      ["name", "state", "time"].forEach(function (part) {
        const d = document.createElement("div");
        d.className = part;
        t.appendChild(d);
      });
      document.getElementById("agents").appendChild(t);
      tiles[agentId] = t;
    }
    return t;
  }

  function put(t, part, value) {
    const d = t.querySelector("." + part);
    if (d.textContent !== value) {
      d.textContent = value;
    }
  }

  // Agents from the console feed (with 示忙 reasons) when there is one, else from the status.
  function renderAgents() {
    const list = agents.length ? agents : statusAgents.map(function (a) {
      return { agentId: a.id, name: a.name, state: a.state, reasonCode: "", since: a.sinceEpochMs };
    });
    const counts = {};
    list.forEach(function (a) {
      counts[a.state] = (counts[a.state] || 0) + 1;
      const t = tile(a.agentId);
      t.className = "tile " + (STATE_COLOUR[a.state] || "grey");
      t.dataset.state = a.state;
      put(t, "name", a.name || a.agentId);
      const state = bbx.label("core.agentState.", a.state);
      put(t, "state", a.reasonCode ? state + " \u00b7 " + bbx.label("console.reason.", a.reasonCode) : state);
      put(t, "time", a.state === "LOGGED_OUT" ? "" : (i18n.since(a.since) || ""));
      t.dataset.since = a.state === "LOGGED_OUT" ? "" : (a.since || "");
    });
    const shown = {};
    list.forEach(function (a) { shown[a.agentId] = true; });
    Object.keys(tiles).forEach(function (id) {
      if (!shown[id]) {
        tiles[id].remove();
        delete tiles[id];
      }
    });
    const line = ["READY", "ON_CALL", "WRAP_UP", "NOT_READY"].map(function (s) {
      return bbx.label("core.agentState.", s) + " " + (counts[s] || 0);
    }).join("   ");
    document.getElementById("agent-counts").textContent = line;
  }

  function tickClock() {
    document.getElementById("clock").textContent = i18n.time(i18n.now()) || "";
    Object.keys(tiles).forEach(function (id) { put(tiles[id], "time", i18n.since(tiles[id].dataset.since) || ""); });
    const f = document.getElementById("freshness");
    f.textContent = lastOk ? bbx.t("core.updated", [i18n.time(lastOk)]) : "";
  }

  bbx.ready.then(function () {
    bbx.live.on("status", function (v) {
      lastOk = i18n.now();
      renderQueues(v);
      statusAgents = v.agents;
      renderAgents();
    }, function (trouble) {
      document.getElementById("freshness").textContent = trouble;
    });
    bbx.live.on("agents", function (list) {
      agents = list;
      renderAgents();
    });
    tickClock();
    window.setInterval(tickClock, 1000);
  });
})();
