"use strict";
// The technician's lines section of the status page: each span's 30 B-channels as a grid (idle,
// busy, blocked, restarting) with block/unblock, the D-channel capture download, each analog
// line with a line capture, and the board's health in °C and V. Polls every 2 s; a click on a
// channel asks before it blocks or unblocks.
(function () {
  const POLL_MS = 2000;
  const LABELS = {
    "zh-CN": { IDLE: "空闲", BUSY: "通话", BLOCKED: "闭塞", RESTARTING: "重启中", block: "闭塞信道 {0}？", unblock: "解除信道 {0} 的闭塞？",
      capture: "下载 D 信道抓包", lineCapture: "线路录音 60 秒", up: "有", down: "无", layer2: "链路", alarms: "告警",
      health: "板卡温度 {0} °C，供电 {1} V", noHealth: "板卡尚未报告温度和电压", span: "中继", started: "正在录音，完成后下载：" },
    en: { IDLE: "idle", BUSY: "busy", BLOCKED: "blocked", RESTARTING: "restarting", block: "Block channel {0}?", unblock: "Return channel {0} to service?",
      capture: "Download D-channel capture", lineCapture: "Capture 60 s", up: "yes", down: "no", layer2: "link", alarms: "alarms",
      health: "Board {0} °C, supply {1} V", noHealth: "No health report from the board yet", span: "Span", started: "Capturing; download when done: " }
  };
  const L = LABELS[localStorage.getItem("bbx.lang") === "en" ? "en" : "zh-CN"];

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
    const title = el("h3", null, L.span + " " + span.span + " — " + L.layer2 + " " + (span.layer2Up ? L.up : L.down)
      + (span.alarms.length ? " — " + L.alarms + ": " + span.alarms.join(", ") : ""));
    box.appendChild(title);
    const cells = el("div", "channels");
    span.channels.forEach(function (c) {
      const b = el("button", "channel " + c.state.toLowerCase(), String(c.timeslot));
      b.type = "button";
      b.title = L[c.state] || c.state;
      b.setAttribute("data-span", span.span);
      b.setAttribute("data-timeslot", c.timeslot);
      b.addEventListener("click", async function () {
        const blocked = c.state === "BLOCKED";
        if (c.state === "BUSY" || c.state === "RESTARTING" && !blocked) {
          return;
        }
        if (!window.confirm((blocked ? L.unblock : L.block).replace("{0}", c.timeslot))) {
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
      legend.appendChild(el("span", "channel-key " + s.toLowerCase(), L[s]));
    });
    box.appendChild(legend);
    const pcap = el("a", null, L.capture);
    pcap.href = "/api/spans/" + span.span + "/capture.pcap";
    box.appendChild(pcap);
    return box;
  }

  function analogRow(line) {
    const tr = el("tr");
    tr.appendChild(el("td", null, "FXO " + line.port));
    tr.appendChild(el("td", null, line.state));
    tr.appendChild(el("td", line.lineUp ? "good" : "bad", line.lineUp ? L.up : L.down));
    const td = el("td");
    const b = el("button", null, L.lineCapture);
    b.type = "button";
    b.addEventListener("click", async function () {
      const body = await act("/api/lines/" + line.port + "/capture?seconds=60");
      if (body) {
        const name = body.wav.split("/").pop();
        const a = el("a", null, name);
        a.href = "/api/captures/" + encodeURIComponent(name);
        say(L.started, false);
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
    document.getElementById("board-health").textContent = v.temperatureC === null ? L.noHealth
      : L.health.replace("{0}", v.temperatureC.toFixed(1)).replace("{1}", v.supplyVolts.toFixed(2));
    const grids = document.getElementById("span-grids");
    grids.textContent = "";
    v.spans.forEach(function (s) { grids.appendChild(grid(s)); });
    const tbody = document.getElementById("analog-lines");
    tbody.textContent = "";
    v.analog.forEach(function (l) { tbody.appendChild(analogRow(l)); });
  }

  poll();
  setInterval(poll, POLL_MS);
})();
