"use strict";
// The /qa page's player (waveform of both channels, speed, marks at times) and the scoring form.
// Texts go through window.qaT (set by qa.js); everything from the server is set as text, never HTML.
window.qaPlayer = (function () {
  const COLS = 720;
  let audio = null;
  let canvas = null;
  let peaks = null;
  let marks = [];
  let objectUrl = null;
  let liveSince = null; // live listening: marks are timed from the call's answer (ms since epoch)

  function fmt(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  // The box serves 16-bit PCM stereo WAV (44-byte header): peak per column for each channel.
  function wavPeaks(buffer) {
    const view = new DataView(buffer);
    const frames = Math.max(0, Math.floor((buffer.byteLength - 44) / 4));
    const out = [new Float32Array(COLS), new Float32Array(COLS)];
    const per = Math.max(1, Math.ceil(frames / COLS));
    for (let i = 0; i < frames; i++) {
      const col = Math.min(COLS - 1, Math.floor(i / per));
      const l = Math.abs(view.getInt16(44 + i * 4, true)) / 32768;
      const r = Math.abs(view.getInt16(46 + i * 4, true)) / 32768;
      if (l > out[0][col]) { out[0][col] = l; }
      if (r > out[1][col]) { out[1][col] = r; }
    }
    return out;
  }

  function draw() {
    if (!canvas) { return; }
    const g = canvas.getContext("2d");
    const w = canvas.width;
    const h = canvas.height;
    g.fillStyle = "#10202e";
    g.fillRect(0, 0, w, h);
    g.strokeStyle = "#33475a";
    g.beginPath(); g.moveTo(0, h / 2); g.lineTo(w, h / 2); g.stroke();
    if (peaks) {
      const colors = ["#2e8bc0", "#e07b00"];
      for (let ch = 0; ch < 2; ch++) {
        const mid = h / 4 + ch * h / 2;
        g.fillStyle = colors[ch];
        for (let x = 0; x < COLS; x++) {
          const a = Math.max(1, Math.sqrt(peaks[ch][x]) * (h / 4 - 4));
          g.fillRect(x * w / COLS, mid - a, Math.max(1, w / COLS), 2 * a);
        }
      }
    }
    const d = audio && isFinite(audio.duration) ? audio.duration : 0;
    if (d > 0) {
      g.fillStyle = "#ffd54f";
      for (const m of marks) {
        const x = m.atMs / 1000 / d * w;
        g.fillRect(x - 1, 0, 3, h);
      }
      g.fillStyle = "#ff5252";
      g.fillRect(audio.currentTime / d * w - 1, 0, 2, h);
    }
  }

  function tick() {
    const d = isFinite(audio.duration) ? audio.duration : 0;
    document.getElementById("clock").textContent = fmt(audio.currentTime) + " / " + fmt(d);
    document.getElementById("play").textContent = window.qaT(audio.paused ? "qa.player.play" : "qa.player.pause");
    draw();
  }

  function renderMarks() {
    const list = document.getElementById("marks");
    list.replaceChildren();
    marks.sort((a, b) => a.atMs - b.atMs);
    marks.forEach((m, i) => {
      const li = document.createElement("li");
      const jump = document.createElement("button");
      jump.type = "button";
      jump.textContent = fmt(m.atMs / 1000);
      jump.title = window.qaT("qa.mark.jump");
      jump.addEventListener("click", () => { audio.currentTime = m.atMs / 1000; tick(); });
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.addEventListener("click", () => { marks.splice(i, 1); renderMarks(); });
      li.append(jump, document.createTextNode(m.text), document.createTextNode(" "), remove);
      list.appendChild(li);
    });
    draw();
  }

  function init() {
    audio = document.getElementById("audio");
    canvas = document.getElementById("wave");
    audio.addEventListener("timeupdate", tick);
    audio.addEventListener("play", tick);
    audio.addEventListener("pause", tick);
    audio.addEventListener("loadedmetadata", tick);
    document.getElementById("play").addEventListener("click", () => {
      if (audio.paused) { audio.play(); } else { audio.pause(); }
    });
    document.getElementById("back5").addEventListener("click", () => {
      audio.currentTime = Math.max(0, audio.currentTime - 5); tick();
    });
    document.getElementById("speed").addEventListener("change", (e) => {
      audio.playbackRate = Number(e.target.value);
    });
    canvas.addEventListener("click", (e) => {
      const d = isFinite(audio.duration) ? audio.duration : 0;
      const rect = canvas.getBoundingClientRect();
      audio.currentTime = d * (e.clientX - rect.left) / rect.width;
      tick();
    });
    document.getElementById("mark-add").addEventListener("click", () => {
      const input = document.getElementById("mark-text");
      const text = input.value.trim();
      if (text === "") { input.focus(); return; }
      const atMs = liveSince !== null ? Math.max(0, Date.now() - liveSince) : Math.round(audio.currentTime * 1000);
      marks.push({ atMs: atMs, text: text });
      input.value = "";
      renderMarks();
    });
  }

  // A live call: nothing to play yet (the recording is written when the call ends); marks are
  // timed from the agent's answer, so they land at about the same place in the recording.
  function live(sinceMs) {
    liveSince = sinceMs;
    marks = [];
    peaks = null;
    audio.pause();
    audio.removeAttribute("src");
    renderMarks();
  }

  async function load(url, initialMarks) {
    liveSince = null;
    marks = (initialMarks || []).map((m) => ({ atMs: m.atMs, text: m.text }));
    peaks = null;
    const response = await fetch(url);
    if (!response.ok) {
      const body = await response.json().catch(() => ({ error: response.statusText }));
      throw new Error(body.error || response.statusText);
    }
    const buffer = await response.arrayBuffer();
    peaks = wavPeaks(buffer);
    if (objectUrl) { URL.revokeObjectURL(objectUrl); }
    objectUrl = URL.createObjectURL(new Blob([buffer], { type: "audio/wav" }));
    audio.src = objectUrl;
    audio.playbackRate = Number(document.getElementById("speed").value);
    renderMarks();
    tick();
  }

  return { init: init, load: load, live: live, marks: () => marks.slice(), fmt: fmt };
})();

// The scoring form beside the player: items with points, fatal items, the live total.
window.qaForm = (function () {
  let form = null;

  // a form, section or item by its name in the user's language (the English name when there is one)
  function named(x) {
    return window.bbxI18n.language() === "en" && x.nameEn ? x.nameEn : x.nameZh;
  }

  function withPoints(item) {
    return window.bbxI18n.language() === "en" ? named(item) + " (" + item.points + ")" : named(item) + "（" + item.points + "）";
  }

  function render(f, previous) {
    form = f;
    const t = window.qaT;
    document.getElementById("form-version").textContent = named(f) + " · " + t("qa.form.version", [f.version]);
    const items = document.getElementById("form-items");
    const fatal = document.getElementById("form-fatal");
    items.replaceChildren();
    fatal.replaceChildren();
    for (const section of f.sections) {
      const normal = section.items.filter((i) => !i.fatal);
      if (normal.length > 0) {
        items.appendChild(window.bbx.text("h3", named(section)));
      }
      for (const item of normal) {
        const row = document.createElement("label");
        row.className = "qa-item";
        const input = document.createElement("input");
        input.type = "number";
        input.min = "0";
        input.max = String(item.points);
        input.dataset.item = item.id;
        const had = previous && previous.points ? previous.points[item.id] : undefined;
        input.value = String(had === undefined ? item.points : had);
        input.addEventListener("input", total);
        row.append(window.bbx.text("span", withPoints(item)), input);
        items.appendChild(row);
      }
      for (const item of section.items.filter((i) => i.fatal)) {
        const row = document.createElement("label");
        row.className = "qa-fatal";
        const box = document.createElement("input");
        box.type = "checkbox";
        box.dataset.fatal = item.id;
        box.checked = !!(previous && previous.fatal && previous.fatal.includes(item.id));
        box.addEventListener("change", total);
        row.append(box, window.bbx.text("span", named(item)));
        fatal.appendChild(row);
      }
    }
    document.getElementById("form-comment").value = previous ? previous.comment || "" : "";
    document.getElementById("form-comment-needed").textContent = t("qa.form.commentNeeded", [f.commentBelow]);
    total();
  }

  function collect() {
    const points = {};
    document.querySelectorAll("#form-items input[data-item]").forEach((i) => { points[i.dataset.item] = Number(i.value); });
    const fatal = [];
    document.querySelectorAll("#form-fatal input[data-fatal]").forEach((i) => { if (i.checked) { fatal.push(i.dataset.fatal); } });
    return { points: points, fatal: fatal, comment: document.getElementById("form-comment").value };
  }

  function total() {
    if (!form) { return 0; }
    const c = collect();
    const max = form.sections.flatMap((s) => s.items).reduce((a, i) => a + i.points, 0);
    const sum = c.fatal.length > 0 ? 0 : Object.values(c.points).reduce((a, p) => a + p, 0);
    const el = document.getElementById("form-total");
    el.textContent = window.qaT("qa.form.total", [sum, max]);
    el.className = "qa-total " + (c.fatal.length > 0 || sum < form.commentBelow ? "bad" : "good");
    return sum;
  }

  return { render: render, collect: collect, current: () => form };
})();
