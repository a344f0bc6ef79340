"use strict";
// Business hours: weekly open periods, night service, and a calendar of holidays and China's
// moved workdays. A click on a day cycles it: normal → holiday (closed) → workday (open with
// Monday's hours although a weekend) → normal.
window.cfgHours = (function () {
  const c = window.cfg;
  const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
  let shown = null; // first day of the month on the calendar

  function iso(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function cycle(date) {
    const h = c.get(["hours"]);
    const hi = h.holidays.findIndex(function (x) { return x.date === date; });
    const wi = h.workdays.indexOf(date);
    if (hi >= 0) {
      h.holidays.splice(hi, 1);
      h.workdays.push(date);
      h.workdays.sort();
    } else if (wi >= 0) {
      h.workdays.splice(wi, 1);
    } else {
      h.holidays.push({ date: date, name: c.label("config.hours.holidayName", "holiday") });
      h.holidays.sort(function (a, b) { return a.date < b.date ? -1 : 1; });
    }
    c.changed();
    c.state.rerender();
  }

  function calendar(parent) {
    const h = c.get(["hours"]);
    if (shown === null) {
      const now = new Date();
      shown = new Date(now.getFullYear(), now.getMonth(), 1);
    }
    const box = c.el("div", { "class": "calendar" });
    const nav = c.el("div", { "class": "cal-nav" });
    const prev = c.el("button", { type: "button", text: "‹" });
    const next = c.el("button", { type: "button", text: "›" });
    prev.addEventListener("click", function () { shown = new Date(shown.getFullYear(), shown.getMonth() - 1, 1); c.state.rerender(); });
    next.addEventListener("click", function () { shown = new Date(shown.getFullYear(), shown.getMonth() + 1, 1); c.state.rerender(); });
    nav.appendChild(prev);
    nav.appendChild(c.el("strong", { text: new Intl.DateTimeFormat(c.state.lang, { year: "numeric", month: "long" }).format(shown) }));
    nav.appendChild(next);
    box.appendChild(nav);
    const grid = c.el("div", { "class": "cal-grid" });
    DAYS.forEach(function (d) { grid.appendChild(c.el("span", { "class": "cal-head", text: c.label("config.enum.Day.short." + d, d.substring(0, 2)) })); });
    const offset = (shown.getDay() + 6) % 7; // Monday first
    for (let i = 0; i < offset; i++) {
      grid.appendChild(c.el("span"));
    }
    const days = new Date(shown.getFullYear(), shown.getMonth() + 1, 0).getDate();
    for (let d = 1; d <= days; d++) {
      const date = new Date(shown.getFullYear(), shown.getMonth(), d);
      const key = iso(date);
      const holiday = h.holidays.find(function (x) { return x.date === key; });
      const workday = h.workdays.indexOf(key) >= 0;
      const weekend = date.getDay() === 0 || date.getDay() === 6;
      const cls = "cal-day" + (holiday ? " holiday" : workday ? " workday" : weekend ? " weekend" : "");
      const b = c.el("button", { type: "button", "class": cls, "data-date": key, text: String(d) });
      b.title = holiday ? holiday.name : workday ? c.label("config.hours.workday", "workday") : "";
      b.addEventListener("click", function () { cycle(key); });
      grid.appendChild(b);
    }
    box.appendChild(grid);
    const legend = c.el("p", { "class": "notice" });
    legend.appendChild(c.el("span", { "class": "swatch holiday", text: " " }));
    legend.appendChild(c.el("span", { i18n: "config.hours.legendHoliday" }));
    legend.appendChild(c.el("span", { "class": "swatch workday", text: " " }));
    legend.appendChild(c.el("span", { i18n: "config.hours.legendWorkday" }));
    box.appendChild(legend);
    parent.appendChild(box);
  }

  function render(parent) {
    c.heading(parent, "config.hours.weekly");
    c.note(parent, "config.hours.alwaysOpen");
    c.list(parent, ["hours", "weekly"], "config.hours.period", function (card, path) {
      c.multi(card, path.concat(["days"]), c.enumOptions("Day", DAYS), "config.field.days");
      const g = c.el("div", { "class": "grid" });
      c.field(g, path.concat(["open"]), "text", { hint: "config.hours.timeHint" });
      c.field(g, path.concat(["close"]), "text", { hint: "config.hours.timeHint" });
      card.appendChild(g);
    }, function () {
      return { days: DAYS.slice(0, 5), open: "08:30", close: "17:30" };
    });
    c.heading(parent, "config.hours.calendar");
    calendar(parent);
    c.list(parent, ["hours", "holidays"], "config.hours.holiday", function (card, path) {
      const g = c.el("div", { "class": "grid" });
      c.field(g, path.concat(["date"]), "text", { hint: "config.hours.dateHint" });
      c.field(g, path.concat(["name"]), "text");
      card.appendChild(g);
    }, function () {
      return { date: iso(new Date()), name: "" };
    });
    c.codes(parent, ["hours", "workdays"], "config.field.workdays");
    c.heading(parent, "config.hours.night");
    const n = c.el("div", { "class": "grid" });
    c.field(n, ["hours", "night", "action"], "select",
      { options: c.enumOptions("NightAction", ["MESSAGE", "CALLBACK", "VOICEMAIL", "FORWARD"]) });
    c.field(n, ["hours", "night", "prompt"], "select", { label: "config.field.nightPrompt", options: c.state.prompts.map(function (p) { return { value: p, label: c.label("config.prompt." + p, p) }; }) });
    c.field(n, ["hours", "night", "forwardNumber"], "text");
    c.field(n, ["hours", "night", "queue"], "select", { options: c.queueOptions(true) });
    parent.appendChild(n);
  }

  return { render: render };
})();
