"use strict";
// Crew PINs: a technician or shift lead sets or resets a crew's PIN. The page never shows a PIN:
// the server answers only whether a crew has one, and the field is cleared once sent.
(function () {
  const L = window.woText;
  const $ = function (id) { return document.getElementById(id); };

  function say(ok, text) {
    $("message").textContent = ok ? "" : text;
    $("done").textContent = ok ? text : "";
  }

  async function problem(r) {
    try { const b = await r.json(); return b.message || b.error; } catch (e) { return String(r.status); }
  }

  let pages = null;

  function load() {
    return pages.load();
  }

  function draw(crews) {
    const body = $("crews");
    body.replaceChildren();
    if (crews.length === 0) {
      body.appendChild(bbx.text("tr", L("workorder.pins.empty")));
    }
    crews.forEach(function (c) {
      const tr = document.createElement("tr");
      tr.dataset.crew = c.crew;
      tr.appendChild(bbx.text("td", c.crew + " " + c.name));
      const state = document.createElement("td");
      state.appendChild(bbx.text("span", L(c.hasPin ? "workorder.pins.has" : "workorder.pins.none"),
        c.hasPin ? "badge ok" : "badge"));
      tr.appendChild(state);
      const input = document.createElement("input");
      input.type = "password";
      input.inputMode = "numeric";
      input.autocomplete = "new-password";
      input.pattern = "[0-9]{4,8}";
      input.maxLength = 8;
      input.className = "pin";
      const cell = document.createElement("td");
      cell.appendChild(input);
      tr.appendChild(cell);
      const b = document.createElement("button");
      b.type = "button";
      b.className = "set-pin";
      b.textContent = L(c.hasPin ? "workorder.pins.reset" : "workorder.pins.set");
      b.addEventListener("click", async function () {
        const pin = input.value;
        input.value = "";
        if (!/^[0-9]{4,8}$/.test(pin)) { say(false, L("workorder.pins.bad")); return; }
        const r = await bbx.post("/api/crews/" + encodeURIComponent(c.crew) + "/pin", { pin: pin });
        say(r.ok, r.ok ? L("workorder.pins.done", [c.crew]) : await problem(r));
        load();
      });
      const td = document.createElement("td");
      td.appendChild(b);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  bbx.ready.then(function () {
    pages = bbx.pages($("crew-pages"), 20, function (offset, limit) {
      return "/api/crews?offset=" + offset + "&limit=" + limit;
    }, draw, function (text) { say(false, text); });
    load();
  });
})();
