"use strict";
// The reports page: the KPIs of a period against their targets, a 30-day trend per KPI, the calls
// behind a figure and their recordings. Texts come from the shared catalogue (kpi area, Chinese by
// default) through bbx.t; the menu and the language are the framework's (nav.js, i18n.js).
(function () {
  const $ = (id) => document.getElementById(id);
  let current = { from: null, to: null, by: "all", kind: "today" };
  let trend = null;
  let siteToday = null; // the site's day (server clock, site zone), never the browser's

  const t = (key, args) => bbx.t(key, args);

  function iso(d) {
    const p = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }

  function periodOf(kind, today) {
    const d = new Date(today + "T12:00:00");
    if (kind === "yesterday") { d.setDate(d.getDate() - 1); return [iso(d), iso(d)]; }
    if (kind === "week") {
      const start = new Date(d); start.setDate(d.getDate() - ((d.getDay() + 6) % 7));
      return [iso(start), today];
    }
    if (kind === "month") { return [today.substring(0, 8) + "01", today]; }
    return [today, today];
  }

  function format(v, unit) {
    if (v === null || v === undefined) { return t("kpi.noData"); }
    return unit === "PERCENT" ? v.toFixed(1) + " %" : v.toFixed(1) + " s";
  }

  // a count of calls as is; a time sum (key ending in Ms) in seconds
  function amount(n, key) {
    return key.endsWith("Ms") ? (n / 1000).toFixed(1) + " s" : String(n);
  }

  function query() {
    return "from=" + current.from + "&to=" + current.to + "&by=" + current.by;
  }

  async function show() {
    $("message").textContent = "";
    const r = await fetch("/api/reports/kpis?" + query());
    const body = await r.json();
    if (!r.ok) { $("message").textContent = body.error || r.status; return; }
    $("period").textContent = t("kpi.period") + ": " + body.period;
    $("rebuilding").classList.toggle("hidden", body.ready);
    $("csv").href = "/api/reports/export?" + query() + "&format=csv";
    $("xlsx").href = "/api/reports/export?" + query() + "&format=xlsx";
    document.querySelectorAll("#periods button").forEach((b) => b.classList.toggle("active", b.dataset.period === current.kind));
    if (current.by === "all") { await branchTable(body); } else { groupTable(body); }
  }

  function valueCell(row, k) {
    const td = document.createElement("td");
    const v = row[k.key];
    const status = row.status[k.key];
    td.textContent = format(v, k.unit);
    td.className = "value " + (status === "MET" ? "met" : status === "MISSED" ? "missed" : status === "NO_DATA" ? "nodata" : "");
    if (status === "MET" || status === "MISSED") { td.title = t(status === "MET" ? "kpi.met" : "kpi.missed"); }
    return td;
  }

  function drillLink(text, count, group) {
    const a = document.createElement("a");
    a.className = "drill";
    a.textContent = text;
    a.dataset.count = count;
    a.dataset.group = group;
    a.addEventListener("click", () => drill(count, group));
    return a;
  }

  async function branchTable(body) {
    if (trend === null) {
      const r = await fetch("/api/reports/trend");
      trend = await r.json();
    }
    const table = $("kpis");
    table.replaceChildren();
    const head = table.insertRow();
    ["kpi.col.kpi", "kpi.col.value", "kpi.col.target", "kpi.col.basis", "kpi.col.trend"].forEach((k) => {
      const th = document.createElement("th"); th.textContent = t(k); head.appendChild(th);
    });
    const row = body.rows[0];
    body.kpis.forEach((k) => {
      const tr = table.insertRow();
      tr.dataset.kpi = k.key;
      tr.appendChild(bbx.text("td", t("kpi." + k.key)));
      tr.appendChild(valueCell(row, k));
      const target = k.target === undefined ? "" : (k.direction === "AT_LEAST" ? "≥ " : "≤ ") + format(k.target, k.unit);
      tr.appendChild(bbx.text("td", target));
      const basis = document.createElement("td");
      basis.className = "num";
      basis.appendChild(drillLink(amount(row.counts[k.numerator], k.numerator), k.numerator, "all"));
      basis.appendChild(document.createTextNode(" / "));
      basis.appendChild(drillLink(String(row.counts[k.denominator]), k.denominator, "all"));
      tr.appendChild(basis);
      const chart = document.createElement("td");
      tr.appendChild(chart);
      spark(chart, k);
    });
  }

  function spark(cell, k) {
    const days = trend.days.map((d) => new Date(d + "T12:00:00").getTime() / 1000);
    const values = trend.values[k.key];
    const series = [{}, { stroke: "#1565c0", width: 2, spanGaps: false, points: { show: true, size: 4 } }];
    const data = [days, values];
    if (k.target !== undefined) {
      series.push({ stroke: "#b00020", width: 1, dash: [4, 4] });
      data.push(days.map(() => k.target));
    }
    const div = document.createElement("div");
    div.className = "spark";
    cell.appendChild(div);
    // eslint-disable-next-line no-new
    new uPlot({ width: 260, height: 64, legend: { show: false }, cursor: { show: false },
      axes: [{ show: false }, { show: false }], scales: { x: { time: true } }, series: series }, data, div);
  }

  function groupTable(body) {
    const table = $("kpis");
    table.replaceChildren();
    const kpis = body.kpis.filter((k) => body.rows.length === 0 || body.rows[0][k.key] !== undefined);
    const head = table.insertRow();
    head.appendChild(bbx.text("th", t("kpi.group")));
    kpis.forEach((k) => head.appendChild(bbx.text("th", t("kpi." + k.key))));
    body.rows.forEach((row) => {
      const tr = table.insertRow();
      tr.dataset.group = row.by + ":" + row.group;
      const name = document.createElement("td");
      name.appendChild(drillLink(row.group, "handled", row.by + ":" + row.group));
      tr.appendChild(name);
      kpis.forEach((k) => tr.appendChild(valueCell(row, k)));
    });
  }

  // the calls list: the calls behind a figure (or every call of the period), searched by caller
  // number, paged by the box; "started" is the site's local time as the box formats it
  let drilled = { count: "", group: "all" };
  let callPages = null;

  function callsAddress(offset, limit) {
    const params = new URLSearchParams({ from: current.from, to: current.to, count: drilled.count,
      group: drilled.group, offset: String(offset), limit: String(limit) });
    const caller = $("caller").value.trim();
    if (caller) { params.set("caller", caller); }
    return "/api/reports/calls?" + params.toString();
  }

  function drawCalls(calls, page) {
    $("message").textContent = "";
    $("drill-what").textContent = (drilled.count || t("kpi.calls.every")) + " · "
      + (drilled.group === "all" ? t("kpi.by.all") : drilled.group) + " · "
      + page.total + " " + t("kpi.calls.unit");
    const tbody = $("calls");
    tbody.replaceChildren();
    if (calls.length === 0) {
      const tr = tbody.insertRow();
      tr.appendChild(bbx.text("td", t("kpi.calls.none")));
    }
    calls.forEach((c) => {
      const tr = tbody.insertRow();
      tr.dataset.call = c.callId;
      tr.appendChild(bbx.text("td", c.callId));
      tr.appendChild(bbx.text("td", c.started));
      tr.appendChild(bbx.text("td", c.callerNumber));
      tr.appendChild(bbx.text("td", c.queue));
      tr.appendChild(bbx.text("td", c.agents));
      tr.appendChild(bbx.text("td", (c.speedOfAnswerMs / 1000).toFixed(1) + " s"));
      tr.appendChild(bbx.text("td", (c.handleMs / 1000).toFixed(1) + " s"));
      tr.appendChild(bbx.text("td", c.rating === 0 ? "" : String(c.rating)));
      const listen = document.createElement("td");
      if (c.agents !== "") {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "listen";
        b.textContent = t("kpi.calls.listen");
        b.addEventListener("click", () => {
          $("player").src = "/api/recordings/" + encodeURIComponent(c.callId) + "/audio";
          $("playing").textContent = c.callId;
          $("player").play().catch(() => {});
        });
        listen.appendChild(b);
      }
      tr.appendChild(listen);
    });
  }

  async function drill(count, group) {
    drilled = { count: count, group: group };
    callPages.first();
    if (await callPages.load()) {
      $("drill").classList.remove("hidden");
      $("drill").scrollIntoView();
    }
  }

  async function choose(kind) {
    current.kind = kind;
    if (kind !== "custom") {
      const r = await fetch("/api/reports/kpis?by=all");
      const today = (await r.json()).today;
      siteToday = today;
      [current.from, current.to] = periodOf(kind, today);
      $("from").value = current.from;
      $("to").value = current.to;
    }
    await show();
  }

  async function start() {
    document.querySelectorAll("#periods button").forEach((b) => b.addEventListener("click", () => choose(b.dataset.period)));
    ["from", "to"].forEach((id) => bbxDatePick.attach($(id), () => siteToday));
    $("controls").addEventListener("submit", (e) => {
      e.preventDefault();
      const bad = ["from", "to"].find((id) => !bbxDatePick.valid($(id).value));
      if (bad) { $("message").textContent = t("kpi.badDate", [$(bad).value]); return; }
      current.kind = "custom";
      current.from = $("from").value;
      current.to = $("to").value;
      current.by = $("by").value;
      show();
    });
    $("by").addEventListener("change", () => { current.by = $("by").value; show(); });
    callPages = bbx.pages($("calls-pages"), 20, callsAddress, drawCalls);
    $("all-calls").addEventListener("click", () => drill("", "all"));
    $("calls-search").addEventListener("submit", (e) => {
      e.preventDefault();
      callPages.first();
      callPages.load();
    });
    await choose("today");
  }

  bbx.ready.then(start);
}());
