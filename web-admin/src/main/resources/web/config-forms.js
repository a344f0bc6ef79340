"use strict";
// The configuration page's building blocks: the draft document, paths, the message catalogue,
// and form fields / lists bound to a path of the draft. Every field carries an error slot
// (data-err-for="<JSON path>") where the server's check puts its message, in the user's language.
window.cfg = (function () {
  const state = { doc: null, base: 0, lang: "zh-CN", prompts: [], onChange: null, rerender: null };

  // the shared catalogue (i18n.js); null when it has no such key
  function t(key, args) {
    return window.bbxI18n.has(key) ? window.bbxI18n.t(key, args || []) : null;
  }

  // t() with a fallback for keys that are data (reason codes, enum values) rather than UI text
  function label(key, fallback) {
    const s = t(key);
    return s === null ? fallback : s;
  }

  function pathText(path) {
    let out = "";
    path.forEach(function (p) {
      if (typeof p === "number") {
        out += "[" + p + "]";
      } else {
        out += (out === "" ? "" : ".") + p;
      }
    });
    return out;
  }

  function get(path) {
    let o = state.doc;
    for (const p of path) {
      if (o === null || o === undefined) {
        return undefined;
      }
      o = o[p];
    }
    return o;
  }

  function set(path, value) {
    let o = state.doc;
    for (let i = 0; i < path.length - 1; i++) {
      o = o[path[i]];
    }
    o[path[path.length - 1]] = value;
    changed();
  }

  function changed() {
    if (state.onChange) {
      state.onChange();
    }
  }

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") {
        e.textContent = attrs[k];
      } else if (k === "i18n") {
        e.setAttribute("data-i18n", attrs[k]);
        e.textContent = label(attrs[k], attrs[k]);
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  function errorSlot(path) {
    return el("span", { "class": "field-error", "data-err-for": pathText(path), role: "alert" });
  }

  // A whole number when the text is one, else the text itself, so the server names the wrong type.
  function parseValue(kind, raw) {
    if (kind === "int") {
      return /^-?\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    }
    if (kind === "number") {
      return /^-?\d{1,15}(\.\d{1,6})?$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    }
    return raw;
  }

  function input(path, kind, opts) {
    opts = opts || {};
    const value = get(path);
    let control;
    if (kind === "bool") {
      control = el("input", { type: "checkbox" });
      control.checked = value === true;
      control.addEventListener("change", function () { set(path, control.checked); });
    } else if (kind === "select") {
      control = el("select");
      opts.options.forEach(function (o) {
        const option = el("option", { value: o.value, text: o.label });
        control.appendChild(option);
      });
      if (!opts.options.some(function (o) { return o.value === value; })) {
        control.appendChild(el("option", { value: String(value), text: String(value) }));
      }
      control.value = value === undefined || value === null ? "" : String(value);
      control.addEventListener("change", function () { set(path, control.value); });
    } else {
      control = el("input", { type: "text" });
      if (kind === "int" || kind === "number") {
        control.setAttribute("inputmode", kind === "int" ? "numeric" : "decimal");
        control.className = "num";
      }
      control.value = value === undefined || value === null ? "" : String(value);
      control.addEventListener("input", function () { set(path, parseValue(kind, control.value)); });
    }
    control.setAttribute("data-path", pathText(path));
    if (opts.readonly) {
      control.disabled = true;
    }
    return control;
  }

  // label + control + error slot, the label from config.field.<name>
  function field(parent, path, kind, opts) {
    opts = opts || {};
    const name = opts.label || "config.field." + path[path.length - 1];
    const wrap = el("label", { "class": "field" + (kind === "bool" ? " check" : "") });
    wrap.appendChild(el("span", { "class": "field-label", i18n: name }));
    wrap.appendChild(input(path, kind, opts));
    if (opts.hint) {
      wrap.appendChild(el("small", { "class": "hint", i18n: opts.hint }));
    }
    wrap.appendChild(errorSlot(path));
    parent.appendChild(wrap);
    return wrap;
  }

  function enumOptions(type, values) {
    return values.map(function (v) { return { value: v, label: label("config.enum." + type + "." + v, v) }; });
  }

  function namesOf(listPath, key) {
    return (get(listPath) || []).map(function (x) { return x[key]; });
  }

  function queueOptions(withNone) {
    const out = withNone ? [{ value: "", label: label("config.none", "—") }] : [];
    return out.concat(namesOf(["queues"], "name").map(function (q) { return { value: q, label: q }; }));
  }

  // A list of items, each drawn by draw(box, itemPath, index) in its own card with a remove button.
  function list(parent, path, titleKey, draw, newItem) {
    const box = el("div", { "class": "list" });
    const items = get(path) || [];
    items.forEach(function (item, i) {
      const card = el("fieldset", { "class": "card" });
      const legend = el("legend");
      legend.appendChild(el("span", { text: label(titleKey, titleKey) + " " + (i + 1) }));
      const named = item && (item.id || item.name);
      if (named) {
        legend.appendChild(el("span", { "class": "item-name", text: String(named) }));
      }
      const remove = el("button", { type: "button", "class": "remove", i18n: "config.remove" });
      remove.addEventListener("click", function () {
        items.splice(i, 1);
        changed();
        state.rerender();
      });
      legend.appendChild(remove);
      card.appendChild(legend);
      draw(card, path.concat([i]), i);
      card.appendChild(errorSlot(path.concat([i])));
      box.appendChild(card);
    });
    const add = el("button", { type: "button", "class": "add", i18n: "config.add" });
    add.addEventListener("click", function () {
      items.push(newItem());
      changed();
      state.rerender();
    });
    box.appendChild(add);
    box.appendChild(errorSlot(path));
    parent.appendChild(box);
  }

  // Checkboxes for a list of strings (an agent's queues, a period's days).
  function multi(parent, path, options, labelKey) {
    const wrap = el("div", { "class": "field multi" });
    wrap.appendChild(el("span", { "class": "field-label", i18n: labelKey }));
    const chosen = get(path) || [];
    options.forEach(function (o) {
      const l = el("label", { "class": "check inline" });
      const c = el("input", { type: "checkbox" });
      c.checked = chosen.indexOf(o.value) >= 0;
      c.addEventListener("change", function () {
        const now = (get(path) || []).filter(function (v) { return v !== o.value; });
        if (c.checked) {
          now.push(o.value);
        }
        set(path, options.map(function (x) { return x.value; }).filter(function (v) { return now.indexOf(v) >= 0; }));
      });
      l.appendChild(c);
      l.appendChild(el("span", { text: o.label }));
      wrap.appendChild(l);
    });
    wrap.appendChild(errorSlot(path));
    parent.appendChild(wrap);
  }

  // A list of short codes edited as one comma-separated text (reasons, wrap-up codes, dates).
  function codes(parent, path, labelKey) {
    const wrap = el("label", { "class": "field" });
    wrap.appendChild(el("span", { "class": "field-label", i18n: labelKey }));
    const c = el("input", { type: "text", "data-path": pathText(path) });
    c.value = (get(path) || []).join(", ");
    c.addEventListener("input", function () {
      set(path, c.value.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s !== ""; }));
    });
    wrap.appendChild(c);
    wrap.appendChild(errorSlot(path));
    parent.appendChild(wrap);
  }

  // A string → value map edited as "key=value, key=value" (skills, numbers to queues).
  function pairs(parent, path, labelKey, numeric) {
    const wrap = el("label", { "class": "field" });
    wrap.appendChild(el("span", { "class": "field-label", i18n: labelKey }));
    const c = el("input", { type: "text", "data-path": pathText(path) });
    const m = get(path) || {};
    c.value = Object.keys(m).map(function (k) { return k + "=" + m[k]; }).join(", ");
    c.addEventListener("input", function () {
      const out = {};
      c.value.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s !== ""; })
        .forEach(function (p) {
          const i = p.indexOf("=");
          const k = i < 0 ? p : p.substring(0, i).trim();
          const v = i < 0 ? "" : p.substring(i + 1).trim();
          out[k] = numeric ? parseValue("int", v) : v;
        });
      set(path, out);
    });
    wrap.appendChild(c);
    wrap.appendChild(errorSlot(path));
    parent.appendChild(wrap);
  }

  function heading(parent, key) {
    parent.appendChild(el("h3", { i18n: key }));
  }

  function note(parent, key) {
    parent.appendChild(el("p", { "class": "notice", i18n: key }));
  }

  return {
    state: state, t: t, label: label, pathText: pathText, get: get, set: set, changed: changed, el: el,
    field: field, input: input, list: list, multi: multi, codes: codes, pairs: pairs, heading: heading, note: note,
    enumOptions: enumOptions, queueOptions: queueOptions, namesOf: namesOf, errorSlot: errorSlot
  };
})();
