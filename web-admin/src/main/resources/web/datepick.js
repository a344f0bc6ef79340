"use strict";
// A date field in the USER's language, not the browser's: <input type="date"> draws its calendar in
// the browser's locale, so a Chinese supervisor on an English Windows saw "mm/dd/yyyy". The field
// is text holding the ISO date (YYYY-MM-DD, what the API takes); a click opens a month grid whose
// month and weekday names come from Intl in the user's language (zh-CN by default), weeks from
// Monday. "Today" is the site's day, given by the page (the server's clock in the site's zone),
// never the browser's. Usage: bbxDatePick.attach(input, () => todayIso).
window.bbxDatePick = (function () {
  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  const pad = (n) => String(n).padStart(2, "0");
  const isoOf = (y, m, d) => y + "-" + pad(m + 1) + "-" + pad(d);

  function valid(s) {
    if (!ISO.test(s)) { return false; }
    const d = new Date(s + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().substring(0, 10) === s;
  }

  function attach(input, today) {
    const lang = window.bbxI18n.language();
    const box = document.createElement("div");
    box.className = "datepick hidden";
    box.setAttribute("role", "dialog");
    input.insertAdjacentElement("afterend", box);
    let shown = null; // first day of the month on show, UTC

    function draw() {
      box.replaceChildren();
      const head = document.createElement("div");
      head.className = "datepick-head";
      const prev = document.createElement("button");
      prev.type = "button"; prev.className = "prev"; prev.textContent = "‹";
      const next = document.createElement("button");
      next.type = "button"; next.className = "next"; next.textContent = "›";
      const title = document.createElement("span");
      title.className = "month";
      title.textContent = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: "UTC" }).format(shown);
      prev.addEventListener("click", () => { shown.setUTCMonth(shown.getUTCMonth() - 1); draw(); });
      next.addEventListener("click", () => { shown.setUTCMonth(shown.getUTCMonth() + 1); draw(); });
      head.append(prev, title, next);
      box.appendChild(head);
      const grid = document.createElement("div");
      grid.className = "datepick-grid";
      const weekday = new Intl.DateTimeFormat(lang, { weekday: "narrow", timeZone: "UTC" });
      for (let i = 0; i < 7; i++) { // 2024-01-01 was a Monday
        const w = document.createElement("span");
        w.className = "weekday";
        w.textContent = weekday.format(new Date(Date.UTC(2024, 0, 1 + i)));
        grid.appendChild(w);
      }
      const y = shown.getUTCFullYear();
      const m = shown.getUTCMonth();
      const blank = (shown.getUTCDay() + 6) % 7;
      for (let i = 0; i < blank; i++) { grid.appendChild(document.createElement("span")); }
      const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "day";
        b.dataset.date = isoOf(y, m, d);
        b.textContent = String(d);
        b.classList.toggle("today", b.dataset.date === today());
        b.classList.toggle("chosen", b.dataset.date === input.value);
        b.addEventListener("click", () => {
          input.value = b.dataset.date;
          box.classList.add("hidden");
          input.dispatchEvent(new Event("change", { bubbles: true }));
        });
        grid.appendChild(b);
      }
      box.appendChild(grid);
    }

    function open() {
      const start = valid(input.value) ? input.value : today();
      shown = new Date(start.substring(0, 8) + "01T00:00:00Z");
      draw();
      box.classList.remove("hidden");
    }

    input.addEventListener("click", open);
    input.addEventListener("keydown", (e) => { if (e.key === "Escape") { box.classList.add("hidden"); } });
    document.addEventListener("click", (e) => {
      if (e.target !== input && !box.contains(e.target)) { box.classList.add("hidden"); }
    });
  }

  return { attach: attach, valid: valid };
}());
