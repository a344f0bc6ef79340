"use strict";
// The /qa page: sample plan, call list with signals, scoring while listening, sign-off,
// bulletin, monthly report, forms. Each tab shows only for users with its permission; the
// server checks every request again. Data is always set as text (never innerHTML).
(function () {
  let me = null;
  let calls = [];
  let preset = "all";
  let sortKey = "answeredAt";
  let sortDesc = false;
  let scoring = null; // { callId, mode: "score" | "change" | "live", scoreId, agentId, since }
  let liveTimer = null;

  // the shared catalogue (every area merged) and its t(key, args)
  window.qaT = (key, args) => window.bbx.t(key, args);
  const t = window.qaT;
  const text = (tag, value, cls) => window.bbx.text(tag, value, cls);
  const $ = (id) => document.getElementById(id);

  function show(error) {
    $("message").textContent = error ? t("qa.error", [error]) : "";
  }

  async function get(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) { throw new Error(body.error || r.statusText); }
    return body;
  }

  async function post(url, body) {
    const r = await window.bbx.post(url, body);
    const out = await r.json().catch(() => ({}));
    if (!r.ok) { throw new Error(out.error || r.statusText); }
    return out;
  }

  function guard(fn) {
    return async function (e) {
      if (e && e.preventDefault) { e.preventDefault(); }
      show(null);
      try { await fn(e); } catch (err) { show(err.message); }
    };
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  }

  function button(label, onClick, cls) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (cls) { b.className = cls; }
    b.addEventListener("click", guard(onClick));
    return b;
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const c of cells) {
      const td = document.createElement("td");
      if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c === null || c === undefined ? "\u2014" : String(c); }
      tr.appendChild(td);
    }
    return tr;
  }

  // a month with nothing planned has no figure: "no data", never 0 % or 100 % (issue 16)
  function completion(c) { return c.percent === null || c.percent === undefined ? t("qa.noData") : c.percent.toFixed(1) + "%"; }
  function secs(ms) { return window.qaPlayer.fmt(ms / 1000); }
  function pct(v) { return v === null || v === undefined ? "\u2014" : v.toFixed(1) + "%"; }
  function localTime(iso) { return new Date(iso).toLocaleString("zh-CN", { hour12: false }); }

  // ---- tabs

  function openTab(name) {
    document.querySelectorAll(".qa-tab").forEach((s) => s.classList.toggle("hidden", s.id !== "tab-" + name));
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    const loaders = { plan: loadPlan, live: loadLive, calls: loadCalls, mine: loadMine, disputes: loadDisputes,
      bulletin: loadBulletin, report: loadReport, forms: loadForms };
    if (loaders[name]) { guard(loaders[name])(); }
  }

  // ---- plan

  // the month's samples come one page at a time (pager.js), the figures and quotas beside them;
  // loadPlan starts again at page 1 (a new month, a new draw)
  let planPages = null;

  async function loadPlan() {
    planPages = planPages || window.bbx.pages($("plan-pages"), 50, (offset, limit) => "/api/qa/plan?month="
      + $("plan-month").value + "&offset=" + offset + "&limit=" + limit, (items, page) => renderPlan(page), show);
    planPages.first();
    await planPages.load();
  }

  function renderPlan(p) {
    $("plan-completion").textContent = completion(p.completion);
    $("plan-detail").textContent = t("qa.completion.detail", [p.completion.scored, p.completion.planned, p.completion.answered]);
    $("plan-remaining").textContent = t("qa.remaining", [p.remaining, p.lost]);
    $("plan-seed").textContent = t("qa.seed", [p.seed]);
    $("plan-agents-title").textContent = t("qa.quota.agents", [p.agents.length ? p.agents[0].minimum : 20]);
    $("plan-shifts-title").textContent = t("qa.quota.shifts", [p.shifts.length ? p.shifts[0].minimum : 3]);
    $("plan-agents").replaceChildren(...p.agents.map((a) => {
      const tr = row([a.agentId, a.drawn, a.scored]);
      if (a.drawn < a.minimum) { tr.className = "bad"; tr.title = t("qa.quota.below"); }
      return tr;
    }));
    $("plan-shifts").replaceChildren(...p.shifts.map((s) => row([s.shift, s.agentId, s.drawn, s.scored])));
    $("plan-samples").replaceChildren(...p.items.map((s) => {
      const act = s.status === "PENDING" ? button(t("qa.scoreThis"), () => openScore(s.callId, "score")) : "";
      const tr = row([s.callId, s.agentId, s.shift, t("qa.reason." + s.reason), t("qa.status." + s.status), s.total, act]);
      tr.dataset.callId = s.callId;
      return tr;
    }));
  }

  async function draw() {
    const targets = [];
    const n = (id) => Number($(id).value || 0);
    if (n("draw-complaints") > 0) { targets.push({ kind: "COMPLAINT", value: "", count: n("draw-complaints") }); }
    if (n("draw-long") > 0) { targets.push({ kind: "LONG_CALL", value: "", count: n("draw-long") }); }
    const count = n("draw-count");
    if (count > 0 && $("draw-agent").value) { targets.push({ kind: "TARGET_AGENT", value: $("draw-agent").value, count: count }); }
    if (count > 0 && $("draw-queue").value) { targets.push({ kind: "TARGET_QUEUE", value: $("draw-queue").value, count: count }); }
    if (count > 0 && $("draw-wrapup").value) { targets.push({ kind: "TARGET_WRAPUP", value: $("draw-wrapup").value, count: count }); }
    await post("/api/qa/plan/draw", { month: $("plan-month").value, targets: targets });
    await loadPlan();
  }

  // ---- calls

  // the box filters (preset), sorts and pages (pager.js); loadCalls starts again at page 1,
  // reloadCalls keeps the page (after an action on a row)
  let callPages = null;

  function callPager() {
    callPages = callPages || window.bbx.pages($("calls-pages"), 50, (offset, limit) => "/api/qa/calls?from="
      + $("calls-from").value + "&to=" + $("calls-to").value + "&preset=" + encodeURIComponent(preset)
      + "&sort=" + sortKey + "&desc=" + sortDesc + "&offset=" + offset + "&limit=" + limit,
    (items) => { calls = items; renderCalls(); }, show);
    return callPages;
  }

  async function loadCalls() {
    callPager().first();
    await callPager().load();
  }

  async function reloadCalls() {
    await callPager().load();
  }

  function renderCalls() {
    const shown = calls; // in the box's order (sort=, desc=)
    $("calls").replaceChildren(...shown.map((c) => {
      const s = c.signals;
      const actions = document.createElement("span");
      if (c.recorded && !c.state) { actions.appendChild(button(t("qa.scoreThis"), () => openScore(c.callId, "score"))); }
      if (c.recorded && !c.sampled) {
        actions.appendChild(button(t("qa.sampleThis"), async () => { await post("/api/qa/calls/" + encodeURIComponent(c.callId) + "/sample", {}); await reloadCalls(); }));
      }
      const tr = row([c.callId, c.agentId, c.queue, localTime(c.answeredAt),
        secs(c.talkMs) + (c.veryShort ? " (" + t("qa.veryShort") + ")" : ""), secs(c.holdMs),
        s ? pct(s.silencePct) : t("qa.noSignals"), s ? pct(s.talkOverPct) : "", s ? secs(s.longestSilenceMs) : "",
        s ? pct(s.agentSharePct) : "", c.state ? t("qa.state." + c.state) + (c.total !== null ? " · " + c.total : "") : "", actions]);
      tr.dataset.callId = c.callId;
      return tr;
    }));
    document.querySelectorAll(".qa-presets button").forEach((b) => b.classList.toggle("active", b.dataset.preset === preset));
    $("calls").dataset.preset = preset; // which preset the rows shown are of (tests wait on it)
  }

  // ---- live listening: the console's supervisor listen on the inspector's own seat, scored beside it

  // the calls talked now, one page at a time (pager.js); "refresh" keeps the page
  let livePages = null;

  async function loadLive() {
    livePages = livePages || window.bbx.pages($("live-pages"), 20, (offset, limit) => "/api/qa/live?offset="
      + offset + "&limit=" + limit, (items, page) => renderLive(page), show);
    await livePages.load();
  }

  function renderLive(l) {
    $("live-seat").textContent = l.seat > 0 ? t("qa.live.mySeat", [l.listenerId, l.seat]) : t("qa.live.noSeat", [l.listenerId]);
    $("live-seat").className = l.seat > 0 ? "" : "error";
    if (l.items.length === 0) {
      $("live-calls").replaceChildren(row([t("qa.live.none"), "", "", "", ""]));
      return;
    }
    $("live-calls").replaceChildren(...l.items.map((c) => {
      const act = l.seat > 0 ? button(t("qa.live.listen"), () => listenLive(c.agentId)) : "";
      const tr = row([c.agentId + (c.name ? " " + c.name : ""), c.seat, c.callId, secs(Date.now() - Date.parse(c.since)), act]);
      tr.dataset.agent = c.agentId;
      return tr;
    }));
  }

  async function listenLive(agentId) {
    const c = await post("/api/qa/live/" + encodeURIComponent(agentId) + "/listen", {});
    await openScore(c.callId, "live", null, c);
  }

  async function endLive() {
    if (!scoring || scoring.mode !== "live" || !scoring.listening) { return; }
    await post("/api/qa/live/" + encodeURIComponent(scoring.agentId) + "/end", {});
    scoring.listening = false;
    stopLiveClock();
    $("live-what").textContent = t("qa.live.ended", [scoring.agentId, scoring.callId]);
    $("live-end").disabled = true;
  }

  function stopLiveClock() {
    if (liveTimer) { clearInterval(liveTimer); liveTimer = null; }
    $("live-clock").textContent = "";
  }

  // ---- scoring while listening (a recording, or a live call)

  async function openScore(callId, mode, result, liveCall) {
    openTabOnly("score");
    stopLiveClock();
    scoring = { callId: callId, mode: mode, scoreId: newId() };
    const isLive = mode === "live";
    document.querySelector(".qa-player").classList.toggle("live-mode", isLive);
    $("live-banner").classList.toggle("hidden", !isLive);
    $("live-what").textContent = isLive ? t("qa.live.what", [liveCall.agentId, callId]) : "";
    $("score-call").textContent = t("qa.col.call") + " " + callId;
    $("form-result").textContent = "";
    $("form-submit").textContent = t(mode === "change" ? "qa.form.submitChange" : "qa.form.submit");
    const forms = await get("/api/qa/forms?limit=1"); // the form scored with: the first one
    window.qaForm.render(forms.items[0], result ? result.current : null);
    if (isLive) {
      const since = Date.parse(liveCall.since);
      Object.assign(scoring, { agentId: liveCall.agentId, since: since, listening: true });
      $("live-end").disabled = false;
      liveTimer = setInterval(() => { $("live-clock").textContent = secs(Date.now() - since); }, 1000);
      window.qaPlayer.live(since);
      return;
    }
    const audioUrl = mode === "change" ? "/api/qa/disputes/" + encodeURIComponent(callId) + "/audio"
      : "/api/qa/calls/" + encodeURIComponent(callId) + "/audio";
    await window.qaPlayer.load(audioUrl, result ? result.current.marks : []);
  }

  function openTabOnly(name) {
    document.querySelectorAll(".qa-tab").forEach((s) => s.classList.toggle("hidden", s.id !== "tab-" + name));
    document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    $("tabs").querySelector("[data-tab='score']").classList.remove("hidden");
  }

  async function submitScore() {
    if (!scoring) { return; }
    const f = window.qaForm.current();
    const c = window.qaForm.collect();
    const body = { scoreId: scoring.scoreId, callId: scoring.callId, formId: f.id, formVersion: f.version,
      points: c.points, fatal: c.fatal, marks: window.qaPlayer.marks(), comment: c.comment, live: scoring.mode === "live" };
    if (scoring.mode === "change") {
      const r = await post("/api/qa/disputes/" + encodeURIComponent(scoring.callId) + "/change", body);
      $("form-result").textContent = t("qa.form.saved", [r.current.total]);
    } else {
      const s = await post("/api/qa/scores", body);
      $("form-result").textContent = t("qa.form.saved", [s.total]);
    }
  }

  // ---- results (agent), disputes (shift lead)

  function resultCard(r, actions) {
    const card = document.createElement("div");
    card.className = "qa-card";
    card.dataset.callId = r.callId;
    const s = r.current;
    card.appendChild(text("h3", t("qa.col.call") + " " + r.callId + " · " + t("qa.col.agent") + " " + r.agentId
      + " · " + t("qa.col.total") + " " + s.total + " · " + t("qa.state." + r.state)));
    if (r.fatal.length > 0) { card.appendChild(text("p", t("qa.fatalItems") + "：" + r.fatal.join("，"), "qa-fatal-text")); }
    card.appendChild(text("p", t("qa.lost") + "：" + (r.lost.length ? r.lost.join("，") : t("qa.bulletin.none"))));
    if (s.comment) { card.appendChild(text("p", t("qa.col.comment") + "：" + s.comment)); }
    if (s.marks.length > 0) {
      const ul = document.createElement("ul");
      s.marks.forEach((m) => ul.appendChild(text("li", secs(m.atMs) + " " + m.text)));
      card.appendChild(ul);
    }
    const steps = document.createElement("ol");
    r.steps.forEach((st) => steps.appendChild(text("li", t("qa.step." + st.type) + " · " + st.by + " · " + localTime(st.at)
      + (st.comment ? " · " + st.comment : ""))));
    card.append(text("p", t("qa.steps"), "notice"), steps);
    if (actions) { card.appendChild(actions); }
    return card;
  }

  function commentBox(placeholderKey) {
    const comment = document.createElement("textarea");
    comment.rows = 2;
    comment.maxLength = 2000;
    comment.placeholder = t(placeholderKey);
    comment.className = "qa-comment";
    return comment;
  }

  let minePages = null;

  async function loadMine() {
    minePages = minePages || window.bbx.pages($("mine-pages"), 20, (offset, limit) => "/api/qa/agents/"
      + encodeURIComponent(me.agentId) + "/results?offset=" + offset + "&limit=" + limit, drawMine, show);
    await minePages.load();
  }

  function drawMine(results) {
    if (results.length === 0) { $("mine").replaceChildren(text("p", t("qa.mine.none"), "notice")); return; }
    $("mine").replaceChildren(...results.map((r) => {
      if (r.state !== "SCORED") { return resultCard(r, null); }
      const box = document.createElement("div");
      const comment = commentBox("qa.disputeComment");
      const base = "/api/qa/results/" + encodeURIComponent(r.callId);
      box.append(comment,
        button(t("qa.acknowledge"), async () => { await post(base + "/acknowledge", { comment: comment.value }); await loadMine(); }),
        button(t("qa.dispute"), async () => { await post(base + "/dispute", { comment: comment.value }); await loadMine(); }));
      return resultCard(r, box);
    }));
  }

  let disputePages = null;

  async function loadDisputes() {
    disputePages = disputePages || window.bbx.pages($("disputes-pages"), 20,
      (offset, limit) => "/api/qa/disputes?offset=" + offset + "&limit=" + limit, drawDisputes, show);
    await disputePages.load();
  }

  function drawDisputes(list) {
    if (list.length === 0) { $("disputes").replaceChildren(text("p", t("qa.disputes.none"), "notice")); return; }
    $("disputes").replaceChildren(...list.map((r) => {
      const box = document.createElement("div");
      const comment = commentBox("qa.reviewComment");
      box.append(comment,
        button(t("qa.confirm"), async () => {
          await post("/api/qa/disputes/" + encodeURIComponent(r.callId) + "/confirm", { comment: comment.value });
          await loadDisputes();
        }),
        button(t("qa.change"), () => openScore(r.callId, "change", r)));
      return resultCard(r, box);
    }));
  }

  // ---- bulletin, report, forms

  async function loadBulletin() {
    const day = $("bulletin-day").value;
    $("bulletin-csv").href = "/api/qa/bulletin.csv?day=" + day;
    $("bulletin-xlsx").href = "/api/qa/bulletin.xlsx?day=" + day;
    $("bulletin-pdf").href = "/api/qa/bulletin.pdf?day=" + day;
    const b = await get("/api/qa/bulletin?day=" + day);
    $("bulletin").replaceChildren(...b.shifts.map((s) => {
      const card = document.createElement("div");
      card.className = "qa-card";
      card.dataset.shift = s.shiftId;
      card.appendChild(text("h3", t("qa.bulletin.shift", [s.shiftName, s.scored,
        s.average === null ? t("qa.noData") : t("qa.points", [s.average])])));
      const part = (title, entries, cls) => {
        card.appendChild(text("h4", title, cls));
        if (entries.length === 0) { card.appendChild(text("p", t("qa.bulletin.none"), "notice")); return; }
        const ul = document.createElement("ul");
        entries.forEach((e) => ul.appendChild(text("li", e.agentId + " · " + e.callId + " · " + e.total
          + (e.fatal.length ? " · " + e.fatal.join("，") : "") + (e.missed.length ? " · " + e.missed.join("，") : "")
          + (e.comment ? " · " + e.comment : ""))));
        card.appendChild(ul);
      };
      part(t("qa.bulletin.praise"), s.praise, "qa-praise");
      part(t("qa.bulletin.faults"), s.faults, "qa-fatal-text");
      return card;
    }));
    $("bulletin").dataset.day = day; // which day the cards shown are of (tests wait on it)
  }

  async function loadReport() {
    const month = $("report-month").value;
    $("report-csv").href = "/api/qa/report.csv?month=" + month;
    $("report-xlsx").href = "/api/qa/report.xlsx?month=" + month;
    $("report-pdf").href = "/api/qa/report.pdf?month=" + month;
    const r = await get("/api/qa/report?month=" + month);
    const c = r.completion;
    $("report-completion").textContent = t("qa.completion") + " " + completion(c) + " · "
      + t("qa.completion.detail", [c.scored, c.planned, c.answered]);
    $("report").replaceChildren(...r.report.agents.map((a) => {
      const tr = row([a.agentId, a.scored, a.average, a.min + " / " + a.max,
        a.trend.map((w) => w.monday.substring(5) + " " + w.average).join("，"),
        a.fatalCalls.map((f) => f.callId + " " + f.fatal.join("、")).join("；"),
        a.missed.map((m) => (window.bbxI18n.language() === "en" && m.nameEn ? m.nameEn : m.nameZh) + " ×" + m.times).join("；")]);
      tr.dataset.agent = a.agentId;
      return tr;
    }));
  }

  // the forms, one page at a time (pager.js); "edit" puts one in the editor (qa-form-editor.js),
  // the first on opening
  let formPages = null;

  async function loadForms() {
    formPages = formPages || window.bbx.pages($("forms-pages"), 20, (offset, limit) => "/api/qa/forms?offset="
      + offset + "&limit=" + limit, drawForms, show);
    const page = await formPages.load();
    if (page && page.offset === 0 && page.items.length > 0 && !window.qaFormEditor.opened()) {
      await window.qaFormEditor.open(page.items[0]);
    }
  }

  function drawForms(forms) {
    $("forms").replaceChildren(...forms.map((f) => {
      const max = f.sections.flatMap((s) => s.items).reduce((a, i) => a + i.points, 0);
      const tr = row([f.id, f.version, window.bbxI18n.language() === "en" ? f.nameEn : f.nameZh, t("qa.points", [max]),
        button(t("qa.form.edit"), () => window.qaFormEditor.open(f), "secondary outline")]);
      tr.dataset.form = f.id;
      tr.dataset.version = String(f.version);
      return tr;
    }));
  }

  // A PDF is fetched first: when the box cannot make it (no Chinese font) the page says why,
  // instead of the browser saving the refusal as a file.
  async function downloadPdf(e) {
    const a = e.currentTarget;
    const r = await fetch(a.href);
    if (!r.ok) {
      const body = await r.json().catch(() => ({}));
      throw new Error(body.error || r.statusText);
    }
    const url = URL.createObjectURL(await r.blob());
    const save = document.createElement("a");
    save.href = url;
    save.download = (r.headers.get("Content-Disposition") || "").replace(/.*filename="([^"]+)".*/, "$1") || "export.pdf";
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- start

  function today(offsetDays) {
    const d = new Date(Date.now() + (offsetDays || 0) * 86400000);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  async function start(session) {
    me = await get("/api/qa/me");
    $("plan-month").value = today().substring(0, 7);
    $("report-month").value = today().substring(0, 7);
    $("calls-from").value = today();
    $("calls-to").value = today();
    $("bulletin-day").value = today();
    window.qaPlayer.init();
    const allowed = [];
    document.querySelectorAll("#tabs button").forEach((b) => {
      const ok = session.permissions.includes(b.dataset.perm);
      b.classList.toggle("hidden", !ok);
      if (ok) { allowed.push(b.dataset.tab); }
      b.addEventListener("click", () => openTab(b.dataset.tab));
    });
    $("plan-form").addEventListener("submit", guard(loadPlan));
    $("draw-form").addEventListener("submit", guard(draw));
    $("calls-form").addEventListener("submit", guard(loadCalls));
    document.querySelectorAll(".qa-presets button").forEach((b) => b.addEventListener("click", guard(async () => { preset = b.dataset.preset; await loadCalls(); })));
    document.querySelectorAll(".qa-sortable th[data-sort]").forEach((th) => th.addEventListener("click", () => {
      sortDesc = sortKey === th.dataset.sort ? !sortDesc : true;
      sortKey = th.dataset.sort;
      guard(loadCalls)();
    }));
    $("score-form").addEventListener("submit", guard(submitScore));
    $("live-refresh").addEventListener("click", guard(loadLive));
    $("live-end").addEventListener("click", guard(endLive));
    $("bulletin-form").addEventListener("submit", guard(loadBulletin));
    $("report-form").addEventListener("submit", guard(loadReport));
    window.qaFormEditor.init(guard, async () => { if (formPages) { await formPages.load(); } });
    ["bulletin-pdf", "report-pdf"].forEach((id) => $(id).addEventListener("click", guard(downloadPdf)));
    if (allowed.length === 0) { show(t("qa.notAllowed")); return; }
    window.addEventListener("hashchange", () => {
      const tab = window.location.hash.substring(1);
      if (allowed.includes(tab)) { openTab(tab); }
    });
    const wanted = window.location.hash.substring(1);
    openTab(allowed.includes(wanted) ? wanted : allowed.filter((x) => x !== "score")[0] || allowed[0]);
  }

  window.bbx.ready.then((session) => start(session)).catch((e) => show(e.message));
})();
