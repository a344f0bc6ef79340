"use strict";
// The technician's lines section of the status page: each span's 30 B-channels as a grid (idle,
// busy, blocked, restarting) with block/unblock, the D-channel capture download, each analog
// line with a line capture, and the board's health in °C and V. Polls every 2 s; a click on a
// channel asks before it blocks or unblocks.
(function () {
  const POLL_MS = 2000;
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

  function grid(span) {
    const box = el("div", "span-grid");
    const title = el("h3", null, L("span", [span.span]) + " — " + L("layer2") + " " + (span.layer2Up ? L("up") : L("down"))
      + (span.alarms.length ? " — " + L("alarms") + ": " + span.alarms.join(", ") : ""));
    box.appendChild(title);
    const cells = el("div", "channels");
    span.channels.forEach(function (c) {
      const b = el("button", "channel " + c.state.toLowerCase(), String(c.timeslot));
      b.type = "button";
      b.title = L(c.state);
      b.setAttribute("data-span", span.span);
      b.setAttribute("data-timeslot", c.timeslot);
      b.addEventListener("click", async function () {
        const blocked = c.state === "BLOCKED";
        if (c.state === "BUSY" || c.state === "RESTARTING" && !blocked) {
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
    const pcap = el("a", null, L("capture"));
    pcap.href = "/api/spans/" + span.span + "/capture.pcap";
    box.appendChild(pcap);
    return box;
  }

  function analogRow(line) {
    const tr = el("tr");
    tr.appendChild(el("td", null, "FXO " + line.port));
    tr.appendChild(el("td", null, line.state));
    tr.appendChild(el("td", line.lineUp ? "good" : "bad", line.lineUp ? L("up") : L("down")));
    const td = el("td");
    const b = el("button", null, L("lineCapture"));
    b.type = "button";
    b.addEventListener("click", async function () {
      const body = await act("/api/lines/" + line.port + "/capture?seconds=60");
      if (body) {
        const name = body.wav.split("/").pop();
        const a = el("a", null, name);
        a.href = "/api/captures/" + encodeURIComponent(name);
        say(L("started"), false);
        document.getElementById("lines-message").appendChild(a);
      }
    });
    td.appendChild(b);
    tr.appendChild(td);
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
    const grids = document.getElementById("span-grids");
    grids.textContent = "";
    v.spans.forEach(function (s) { grids.appendChild(grid(s)); });
    const tbody = document.getElementById("analog-lines");
    tbody.textContent = "";
    v.analog.forEach(function (l) { tbody.appendChild(analogRow(l)); });
  }

  window.bbx.ready.then(function () {
    poll();
    setInterval(poll, POLL_MS);
  });
})();
