"use strict";
// The /qa page's scoring-form editor (评分表 tab, QA_MANAGE): sections and their items (text,
// points, fatal), the comment threshold and a live total, for quality staff rather than IT.
// It edits a copy of a form version (the current one, or the factory 95598 form) and saves it
// through POST /api/qa/forms, the server's one check: on a refusal (422 {errors: [{path, code,
// args}]}) each sentence is shown beside its field and nothing is saved; a save is the form's
// next version (old scores keep theirs). Everything is set as text, never as HTML.
window.qaFormEditor = (function () {
  const t = (key, args) => window.bbx.t(key, args);
  const $ = (id) => document.getElementById(id);
  let draft = null;     // { id, nameZh, nameEn, commentBelow, sections: [{ id, nameZh, nameEn, items: [...] }] }
  let basedOn = null;   // the version the draft started from (for the heading)
  let onSaved = null;   // called with the saved version (the page reloads its lists)

  // an English name equal to the Chinese one is shown empty: the box fills an empty one with the Chinese
  function en(x) { return x.nameEn && x.nameEn !== x.nameZh ? x.nameEn : ""; }

  function copy(form) {
    return { id: form.id, nameZh: form.nameZh, nameEn: en(form), commentBelow: form.commentBelow,
      sections: form.sections.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: en(s),
        items: s.items.map((i) => ({ id: i.id, nameZh: i.nameZh, nameEn: en(i), points: i.points, fatal: i.fatal })) })) };
  }

  // ---- building blocks

  function input(path, value, onInput, attrs) {
    const el = document.createElement("input");
    el.dataset.path = path;
    el.value = value === null || value === undefined ? "" : String(value);
    Object.assign(el, attrs || {});
    el.addEventListener("input", () => { clearError(path); onInput(el); totals(); });
    return el;
  }

  function numberOrNull(el) {
    return el.value.trim() === "" ? null : Number(el.value);
  }

  function field(labelKey, control, path) {
    const label = document.createElement("label");
    label.append(window.bbx.text("span", t(labelKey)), control, errorSlot(path));
    return label;
  }

  function errorSlot(path) {
    const small = document.createElement("small");
    small.className = "fe-error";
    small.dataset.errorFor = path;
    return small;
  }

  function iconButton(labelKey, onClick, disabled, cls) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls || "secondary outline";
    b.textContent = t(labelKey);
    b.title = t(labelKey);
    b.disabled = !!disabled;
    b.addEventListener("click", () => { onClick(); render(); });
    return b;
  }

  function move(list, from, to) {
    const [x] = list.splice(from, 1);
    list.splice(to, 0, x);
  }

  // ---- drawing

  function render() {
    const root = $("fe-sections");
    root.replaceChildren(...draft.sections.map(section));
    $("fe-name").value = draft.nameZh;
    $("fe-name-en").value = draft.nameEn;
    $("fe-comment-below").value = draft.commentBelow === null ? "" : String(draft.commentBelow);
    $("fe-heading").textContent = basedOn ? t("qa.fe.editing", [draft.nameZh || draft.id, basedOn]) : draft.id;
    totals();
  }

  function section(s, si) {
    const p = "sections." + si;
    const box = document.createElement("article");
    box.className = "fe-section";
    box.dataset.section = String(si);
    const head = document.createElement("div");
    head.className = "fe-section-head";
    head.append(
      window.bbx.text("strong", t("qa.fe.sectionNo", [si + 1]), "fe-no"),
      field("qa.fe.sectionName", input(p + ".name", s.nameZh, (el) => { s.nameZh = el.value; }, { maxLength: 200 }), p + ".name"),
      field("qa.fe.nameEn", input(p + ".nameEn", s.nameEn, (el) => { s.nameEn = el.value; }, { maxLength: 200 }), p + ".nameEn"),
      iconButton("qa.fe.up", () => move(draft.sections, si, si - 1), si === 0),
      iconButton("qa.fe.down", () => move(draft.sections, si, si + 1), si === draft.sections.length - 1),
      iconButton("qa.fe.removeSection", () => draft.sections.splice(si, 1), false, "secondary outline fe-remove"));
    const table = document.createElement("table");
    table.className = "fe-items";
    const thead = document.createElement("thead");
    const hr = document.createElement("tr");
    ["qa.fe.itemText", "qa.fe.nameEn", "qa.fe.points", "qa.fe.fatal", "qa.col.actions"]
      .forEach((k) => hr.appendChild(window.bbx.text("th", t(k))));
    thead.appendChild(hr);
    const body = document.createElement("tbody");
    s.items.forEach((it, ii) => body.appendChild(item(s, it, si, ii)));
    table.append(thead, body);
    const add = iconButton("qa.fe.addItem", () => s.items.push({ id: "", nameZh: "", nameEn: "", points: 5, fatal: false }),
      false, "secondary outline fe-add-item");
    box.append(head, table, errorSlot(p + ".items"), add);
    return box;
  }

  function item(s, it, si, ii) {
    const p = "sections." + si + ".items." + ii;
    const tr = document.createElement("tr");
    tr.dataset.item = si + "." + ii;
    if (it.fatal) { tr.className = "fe-fatal-row"; }
    const cell = (...nodes) => { const td = document.createElement("td"); td.append(...nodes); tr.appendChild(td); return td; };
    cell(input(p + ".text", it.nameZh, (el) => { it.nameZh = el.value; }, { maxLength: 200, placeholder: t("qa.fe.itemHint") }),
      errorSlot(p + ".text"));
    cell(input(p + ".textEn", it.nameEn, (el) => { it.nameEn = el.value; }, { maxLength: 200 }), errorSlot(p + ".textEn"));
    const points = input(p + ".points", it.fatal ? "" : it.points, (el) => { it.points = numberOrNull(el); },
      { type: "number", step: "1", min: "1", max: "100", disabled: it.fatal, placeholder: it.fatal ? t("qa.fe.noPoints") : "" });
    points.className = "fe-points";
    cell(points, errorSlot(p + ".points"));
    const fatal = document.createElement("input");
    fatal.type = "checkbox";
    fatal.checked = it.fatal;
    fatal.dataset.path = p + ".fatal";
    fatal.addEventListener("change", () => {
      it.fatal = fatal.checked;
      it.points = fatal.checked ? 0 : (it.points > 0 ? it.points : 5);
      clearError(p + ".points");
      render();
    });
    const fatalLabel = document.createElement("label");
    fatalLabel.className = "fe-fatal";
    fatalLabel.append(fatal, window.bbx.text("span", t("qa.fe.fatalShort")));
    cell(fatalLabel);
    cell(iconButton("qa.fe.up", () => move(s.items, ii, ii - 1), ii === 0),
      iconButton("qa.fe.down", () => move(s.items, ii, ii + 1), ii === s.items.length - 1),
      iconButton("qa.fe.remove", () => s.items.splice(ii, 1), false, "secondary outline fe-remove"));
    return tr;
  }

  // the live total: what a call without faults scores, and how many items of each kind
  function totals() {
    let points = 0;
    let scored = 0;
    let fatal = 0;
    for (const s of draft.sections) {
      for (const i of s.items) {
        if (i.fatal) { fatal++; } else { scored++; points += Number.isFinite(i.points) && i.points > 0 ? i.points : 0; }
      }
    }
    $("fe-total").textContent = t("qa.fe.total", [points]);
    $("fe-total").dataset.total = String(points);
    $("fe-counts").textContent = t("qa.fe.counts", [draft.sections.length, scored, fatal]);
  }

  // ---- errors from the box, each beside its field

  function clearError(path) {
    document.querySelectorAll("#tab-forms [data-error-for='" + path + "']").forEach((e) => { e.textContent = ""; });
    const el = document.querySelector("#tab-forms [data-path='" + path + "']");
    if (el) { el.removeAttribute("aria-invalid"); }
  }

  function clearErrors() {
    document.querySelectorAll("#tab-forms .fe-error").forEach((e) => { e.textContent = ""; });
    document.querySelectorAll("#tab-forms [aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    $("fe-summary").textContent = "";
  }

  function showErrors(errors) {
    let first = null;
    for (const e of errors) {
      const text = t(e.code, e.args || []);
      const slot = document.querySelector("#tab-forms [data-error-for='" + e.path + "']") || $("fe-form-error");
      slot.textContent = slot.textContent ? slot.textContent + "；" + text : text;
      const el = document.querySelector("#tab-forms [data-path='" + e.path + "']");
      if (el) { el.setAttribute("aria-invalid", "true"); }
      first = first || el || slot;
    }
    $("fe-summary").textContent = t("qa.fe.problems", [errors.length]);
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center" }); }
  }

  // ---- actions

  async function save() {
    clearErrors();
    $("fe-saved").textContent = "";
    const r = await window.bbx.post("/api/qa/forms", draft);
    const out = await r.json().catch(() => ({}));
    if (r.status === 422 && Array.isArray(out.errors)) { showErrors(out.errors); return; }
    if (!r.ok) { throw new Error(out.error || r.statusText); }
    open(out);
    $("fe-saved").textContent = t("qa.form.savedVersion", [out.version]);
    if (onSaved) { await onSaved(out); }
    await loadHistory();
  }

  function open(form) {
    const other = !draft || draft.id !== form.id;
    draft = copy(form);
    basedOn = form.version;
    clearErrors();
    $("fe-saved").textContent = "";
    $("fe-json").value = "";
    render();
    return other ? loadHistory() : Promise.resolve();
  }

  // the form's saved versions with who and when, one page at a time (pager.js), newest first
  let historyPages = null;

  async function loadHistory() {
    if (!draft) { return; }
    historyPages = historyPages || window.bbx.pages($("fe-history-pages"), 10, (offset, limit) => "/api/qa/form-history/"
      + encodeURIComponent(draft.id) + "?offset=" + offset + "&limit=" + limit, drawHistory);
    historyPages.first();
    await historyPages.load();
  }

  function drawHistory(rows) {
    const lang = window.bbxI18n.language();
    $("fe-history").replaceChildren(...rows.map((v) => {
      const tr = document.createElement("tr");
      tr.dataset.version = String(v.version);
      [t("qa.form.version", [v.version]), lang === "en" ? v.nameEn : v.nameZh, t("qa.points", [v.maxPoints]),
        t("qa.fe.itemCounts", [v.items, v.fatalItems]), t("qa.points", [v.commentBelow]),
        v.by === "system" ? t("qa.fe.bySystem") : v.by,
        window.bbxI18n.dateTime(v.at)].forEach((x) => tr.appendChild(window.bbx.text("td", x)));
      return tr;
    }));
  }

  async function fromCurrent() {
    const page = await json("/api/qa/form-history/" + encodeURIComponent(draft.id) + "?limit=1");
    if (page.items.length === 0) { return; }
    open(await json("/api/qa/forms/" + encodeURIComponent(draft.id) + "/" + page.items[0].version));
    $("fe-saved").textContent = t("qa.fe.fromCurrentDone", [page.items[0].version]);
  }

  async function json(url) {
    const r = await fetch(url);
    if (!r.ok) { throw new Error(await window.bbx.errorOf(r)); }
    return r.json();
  }

  async function fromFactory() {
    const f = await json("/api/qa/form-factory");
    const id = draft ? draft.id : f.id; // the factory's content as the next version of the form being edited
    const keep = basedOn;
    draft = copy(f);
    draft.id = id;
    basedOn = keep;
    clearErrors();
    render();
    $("fe-saved").textContent = t("qa.fe.fromFactoryDone");
  }

  function exportJson() {
    $("fe-json").value = JSON.stringify(draft, null, 2);
  }

  function importJson() {
    let f;
    try { f = JSON.parse($("fe-json").value); } catch (e) { throw new Error(t("qa.fe.badJson", [e.message])); }
    if (!f || !Array.isArray(f.sections)) { throw new Error(t("qa.fe.badJson", ["sections"])); }
    const keep = basedOn;
    draft = copy(f);
    basedOn = keep;
    clearErrors();
    render();
  }

  function init(guard, saved) {
    onSaved = saved;
    $("fe-name").addEventListener("input", () => { clearError("name"); draft.nameZh = $("fe-name").value; });
    $("fe-name-en").addEventListener("input", () => { clearError("nameEn"); draft.nameEn = $("fe-name-en").value; });
    $("fe-comment-below").addEventListener("input", () => {
      clearError("commentBelow");
      draft.commentBelow = numberOrNull($("fe-comment-below"));
    });
    $("fe-add-section").addEventListener("click", () => {
      draft.sections.push({ id: "", nameZh: "", nameEn: "", items: [{ id: "", nameZh: "", nameEn: "", points: 5, fatal: false }] });
      render();
      const inputs = document.querySelectorAll("#fe-sections .fe-section:last-child input[data-path$='.name']");
      if (inputs.length) { inputs[0].focus(); }
    });
    $("fe-save").addEventListener("click", guard(save));
    $("fe-from-factory").addEventListener("click", guard(fromFactory));
    $("fe-from-current").addEventListener("click", guard(fromCurrent));
    $("fe-export").addEventListener("click", guard(async () => exportJson()));
    $("fe-import").addEventListener("click", guard(async () => importJson()));
  }

  return { init: init, open: open, opened: () => draft !== null };
})();
