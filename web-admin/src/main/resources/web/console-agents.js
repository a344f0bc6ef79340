"use strict";
// The shift lead's part of the console: every agent, updated IN PLACE from the push stream (event
// "agents"): a row per agent is made once and only its changed cells are rewritten, and the
// listen / whisper / barge / end buttons stay the same elements, so a click is never lost to a
// redraw. The mode the supervisor chose stays marked (aria-pressed) and named in a banner until
// ended or the call is over.
(function () {
  const i18n = window.bbxI18n;
  const MODES = ["LISTEN", "WHISPER", "BARGE", "END"];
  const rows = {};
  let monitoring = null;

  function cell(tr, index, value) {
    const td = tr.children[index];
    const shown = value === null || value === undefined || value === "" ? "\u2014" : String(value);
    if (td.textContent !== shown) {
      td.textContent = shown;
    }
  }

  async function monitor(agentId, mode) {
    const name = rows[agentId] ? rows[agentId].dataset.name : agentId;
    const question = bbx.t("console.confirmMonitor." + mode, [name]);
    if (!(await bbx.confirm(question))) {
      return;
    }
    const response = await bbx.post("/api/console/monitor", { agentId: agentId, mode: mode });
    if (!response.ok) {
      document.getElementById("message").textContent = await bbx.errorOf(response);
      return;
    }
    monitoring = mode === "END" ? null : { agentId: agentId, mode: mode };
    showMode();
  }

  function showMode() {
    const banner = document.getElementById("monitor-banner");
    if (monitoring === null) {
      banner.classList.add("hidden");
    } else {
      const name = rows[monitoring.agentId] ? rows[monitoring.agentId].dataset.name : monitoring.agentId;
      banner.textContent = bbx.t("console.monitoring." + monitoring.mode, [name]);
      banner.classList.remove("hidden");
    }
    Object.keys(rows).forEach(function (id) {
      rows[id].querySelectorAll("button[data-mode]").forEach(function (b) {
        const on = monitoring !== null && monitoring.agentId === id && monitoring.mode === b.dataset.mode;
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }

  function makeRow(a) {
    const tr = document.createElement("tr");
    tr.dataset.agent = a.agentId;
    for (let i = 0; i < 7; i++) {
      tr.appendChild(document.createElement("td"));
    }
    const actions = document.createElement("td");
    MODES.forEach(function (mode) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = mode === "END" ? "secondary outline" : "secondary";
      b.dataset.mode = mode;
      b.dataset.agent = a.agentId;
      b.textContent = bbx.t("console.mode." + mode);
      b.addEventListener("click", function () { monitor(a.agentId, mode); });
      actions.appendChild(b);
    });
    tr.appendChild(actions);
    return tr;
  }

  function render(agents) {
    const tbody = document.getElementById("agents");
    const seen = {};
    agents.forEach(function (a, index) {
      seen[a.agentId] = true;
      let tr = rows[a.agentId];
      if (!tr) {
        tr = makeRow(a);
        rows[a.agentId] = tr;
      }
      if (tbody.children[index] !== tr) {
        tbody.insertBefore(tr, tbody.children[index] || null);
      }
      tr.dataset.name = a.name || a.agentId;
      tr.dataset.since = a.since || "";
      tr.dataset.state = a.state;
      cell(tr, 0, a.agentId);
      cell(tr, 1, a.name);
      cell(tr, 2, a.seat > 0 ? a.seat : bbx.t("core.none"));
      cell(tr, 3, bbx.label("core.agentState.", a.state));
      cell(tr, 4, bbx.label("console.reason.", a.reasonCode));
      cell(tr, 5, i18n.since(a.since));
      cell(tr, 6, a.callId);
      tr.querySelectorAll("button[data-mode]").forEach(function (b) { b.disabled = !a.callId; });
      if (monitoring !== null && monitoring.agentId === a.agentId && !a.callId) {
        monitoring = null;
      }
    });
    Object.keys(rows).forEach(function (id) {
      if (!seen[id]) {
        rows[id].remove();
        delete rows[id];
      }
    });
    showMode();
  }

  bbx.ready.then(function (s) {
    if (s.permissions.indexOf("AGENTS_SUPERVISE") < 0) {
      return;
    }
    document.getElementById("supervisor-panel").classList.remove("hidden");
    bbx.live.on("agents", render);
    window.setInterval(function () {
      Object.keys(rows).forEach(function (id) { cell(rows[id], 5, i18n.since(rows[id].dataset.since)); });
    }, 1000);
  });
})();
