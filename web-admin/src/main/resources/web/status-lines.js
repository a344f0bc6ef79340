"use strict";
// The technician's lines section of the status page: each span's 30 B-channels as a grid (idle,
// busy, blocked, restarting) with block/unblock for those who may (DIAGNOSTICS; the captures are
// on the diagnostics tab), each analog line, and the board's health in °C and V. Polls every 2 s;
// a click on a channel asks before it blocks or unblocks.
(function () {
  const POLL_MS = 2000;
  // block/unblock and the diagnostics tab are for DIAGNOSTICS only: others see the grid
  let mayAct = false;
  // texts from the shared catalogue (config area): states, actions, health
  function L(key, args) {
    return window.bbx.t("config.lines." + key, args);
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function say(text, bad) {
    const m = document.getElementById("lines-message");
    m.className = bad ? "error" : "notice";
    m.textContent = text;
  }

  async function act(url) {
    const r = await window.bbx.post(url, {});
    const body = await r.json().catch(function () { return {}; });
    if (!r.ok) {
      say(body.error || String(r.status), true);
      return null;
    }
    say("", false);
    return body;
  }

  function titleOf(span) {
    return L("span", [span.span]) + " — " + L("layer2") + " " + (span.layer2Up ? L("up") : L("down"))
      + (span.alarms.length ? " — " + L("alarms") + ": " + span.alarms.join(", ") : "");
  }

  // A channel's button shows its state; the click reads the state it shows now (data-state), so
  // the grid is updated in place and a button under the pointer is never replaced.
  function show(b, state) {
    b.className = "channel " + state.toLowerCase();
    b.title = L(state);
    b.dataset.state = state;
  }

  function grid(span) {
    const box = el("div", "span-grid");
    box.dataset.span = String(span.span);
    box.appendChild(el("h3", null, titleOf(span)));
    const cells = el("div", "channels");
    span.channels.forEach(function (c) {
      const b = el("button", null, String(c.timeslot));
      b.type = "button";
      show(b, c.state);
      b.disabled = !mayAct;
      b.setAttribute("data-span", span.span);
      b.setAttribute("data-timeslot", c.timeslot);
      b.addEventListener("click", async function () {
        const state = b.dataset.state;
        const blocked = state === "BLOCKED";
        if (state === "BUSY" || state === "RESTARTING") {
          return;
        }
        if (!window.confirm(L(blocked ? "unblock" : "block", [c.timeslot]))) {
          return;
        }
        await act("/api/spans/" + span.span + "/channels/" + c.timeslot + (blocked ? "/unblock" : "/block"));
        poll();
      });
      cells.appendChild(b);
    });
    box.appendChild(cells);
    const legend = el("p", "notice");
    ["IDLE", "BUSY", "BLOCKED", "RESTARTING"].forEach(function (s) {
      legend.appendChild(el("span", "channel-key " + s.toLowerCase(), L(s)));
    });
    box.appendChild(legend);
    return box;
  }

  // the spans and their timeslots: when they stay the same, the grids are updated in place
  let shape = "";

  function grids(spans) {
    const container = document.getElementById("span-grids");
    const now = JSON.stringify(spans.map(function (s) {
      return [s.span, s.channels.map(function (c) { return c.timeslot; })];
    }));
    if (now !== shape) {
      shape = now;
      container.replaceChildren();
      spans.forEach(function (s) { container.appendChild(grid(s)); });
      return;
    }
    spans.forEach(function (s) {
      const box = container.querySelector(".span-grid[data-span='" + s.span + "']");
      const h = box.querySelector("h3");
      if (h.textContent !== titleOf(s)) {
        h.textContent = titleOf(s);
      }
      s.channels.forEach(function (c) {
        const b = box.querySelector(".channels button[data-timeslot='" + c.timeslot + "']");
        if (b.dataset.state !== c.state) {
          show(b, c.state);
        }
      });
    });
  }

  function analogRow(line) {
    const tr = el("tr");
    tr.appendChild(el("td", null, "FXO " + line.port));
    tr.appendChild(el("td", null, window.bbx.label("config.lines.fxo.", String(line.state).toLowerCase())));
    tr.appendChild(el("td", line.lineUp ? "good" : "bad", line.lineUp ? L("up") : L("down")));
    return tr;
  }

  async function poll() {
    const r = await fetch("/api/status/lines");
    if (!r.ok) {
      return;
    }
    const v = await r.json();
    document.getElementById("board-health").textContent = v.temperatureC === null ? L("noHealth")
      : L("health", [v.temperatureC.toFixed(1), v.supplyVolts.toFixed(2)]);
    grids(v.spans);
    const tbody = document.getElementById("analog-lines");
    tbody.textContent = "";
    v.analog.forEach(function (l) { tbody.appendChild(analogRow(l)); });
  }

  window.bbx.ready.then(function (session) {
    mayAct = session.permissions.indexOf("DIAGNOSTICS") >= 0;
    document.getElementById("diagnostics-link").hidden = !mayAct;
    poll();
    setInterval(poll, POLL_MS);
  });
})();
