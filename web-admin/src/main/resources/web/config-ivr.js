"use strict";
// The IVR section: entry prompts and queues, then the menu tree as cards (one per menu) with each
// key's step, the prompts picked from the active prompt set with a play button, and an outline of
// the tree as the caller walks it.
window.cfgIvr = (function () {
  const c = window.cfg;
  const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"];
  const ACTIONS = ["MENU", "QUEUE", "VOICEMAIL", "CALLBACK", "FORWARD", "HANGUP"];
  let player = null;

  function promptOptions(allowNone) {
    const names = c.state.prompts.slice();
    const out = allowNone ? [{ value: "", label: c.label("config.none", "—") }] : [];
    return out.concat(names.map(function (n) { return { value: n, label: c.label("config.prompt." + n, n) }; }));
  }

  function play(name) {
    if (!name) {
      return;
    }
    if (player) {
      player.pause();
    }
    const set = c.get(["ivr", "promptSet"]) || "default";
    player = new Audio("/api/prompts/" + encodeURIComponent(set) + "/" + encodeURIComponent(name) + ".wav");
    player.play().catch(function () { /* the browser refused autoplay: nothing to undo */ });
  }

  function promptField(parent, path, allowNone) {
    const wrap = c.field(parent, path, "select", { options: promptOptions(allowNone) });
    const button = c.el("button", { type: "button", "class": "play", i18n: "config.ivr.play" });
    button.addEventListener("click", function (e) {
      e.preventDefault();
      play(c.get(path));
    });
    const row = c.el("span", { "class": "with-play" });
    const select = wrap.querySelector("select");
    wrap.insertBefore(row, select);
    row.appendChild(select);
    row.appendChild(button);
  }

  function targetOptions(action) {
    if (action === "MENU") {
      return c.namesOf(["ivr", "menus"], "name").map(function (m) { return { value: m, label: m }; });
    }
    if (action === "QUEUE" || action === "VOICEMAIL" || action === "CALLBACK") {
      return c.queueOptions(false);
    }
    if (action === "HANGUP") {
      return promptOptions(true);
    }
    return null; // FORWARD: a number, typed
  }

  // one step (a key's choice or the fallback): action, target, priority on one row
  function step(parent, path, title) {
    const row = c.el("div", { "class": "step" });
    row.appendChild(c.el("span", { "class": "key", text: title }));
    const action = c.input(path.concat(["action"]), "select", { options: c.enumOptions("StepAction", ACTIONS) });
    action.addEventListener("change", function () {
      const opts = targetOptions(action.value);
      c.set(path.concat(["target"]), opts && opts.length ? opts[0].value : "");
      c.state.rerender();
    });
    row.appendChild(action);
    const opts = targetOptions(c.get(path.concat(["action"])));
    const target = opts ? c.input(path.concat(["target"]), "select", { options: opts })
      : c.input(path.concat(["target"]), "text");
    // the outline above follows the choice at once
    target.addEventListener("change", function () { c.state.rerender(); });
    row.appendChild(target);
    const prio = c.input(path.concat(["priority"]), "int");
    prio.setAttribute("title", c.label("config.field.priority", "priority"));
    row.appendChild(prio);
    row.appendChild(c.errorSlot(path));
    row.appendChild(c.errorSlot(path.concat(["target"])));
    row.appendChild(c.errorSlot(path.concat(["priority"])));
    parent.appendChild(row);
    return row;
  }

  function menu(card, path) {
    const g = c.el("div", { "class": "grid" });
    c.field(g, path.concat(["name"]), "text");
    promptField(g, path.concat(["prompt"]), false);
    promptField(g, path.concat(["invalidPrompt"]), false);
    c.field(g, path.concat(["timeoutS"]), "int");
    c.field(g, path.concat(["retries"]), "int");
    card.appendChild(g);
    c.heading(card, "config.ivr.choices");
    const choices = c.get(path.concat(["choices"])) || {};
    KEYS.filter(function (k) { return choices[k] !== undefined; }).forEach(function (k) {
      const row = step(card, path.concat(["choices", k]), c.label("config.ivr.key", "key") + " " + k);
      const remove = c.el("button", { type: "button", "class": "remove", i18n: "config.remove" });
      remove.addEventListener("click", function () {
        delete choices[k];
        c.changed();
        c.state.rerender();
      });
      row.insertBefore(remove, row.querySelector(".field-error"));
    });
    const free = KEYS.filter(function (k) { return choices[k] === undefined; });
    if (free.length) {
      const add = c.el("div", { "class": "step" });
      const key = c.el("select", { "class": "new-key" });
      free.forEach(function (k) { key.appendChild(c.el("option", { value: k, text: k })); });
      const button = c.el("button", { type: "button", "class": "add", i18n: "config.ivr.addChoice" });
      button.addEventListener("click", function () {
        const queues = c.namesOf(["queues"], "name");
        choices[key.value] = { action: "QUEUE", target: queues.length ? queues[0] : "", priority: 0 };
        c.changed();
        c.state.rerender();
      });
      add.appendChild(key);
      add.appendChild(button);
      card.appendChild(add);
    }
    step(card, path.concat(["fallback"]), c.label("config.field.fallback", "fallback"));
  }

  // the tree as a caller meets it, from the entry menu down (cycles shown once)
  function outline(parent) {
    const ivr = c.get(["ivr"]);
    const byName = {};
    (ivr.menus || []).forEach(function (m) { byName[m.name] = m; });
    const root = c.el("ul", { "class": "tree" });
    function describe(s) {
      const a = c.label("config.enum.StepAction." + s.action, s.action);
      return s.target ? a + " " + s.target : a;
    }
    function walk(ul, name, seen) {
      const m = byName[name];
      const li = c.el("li", { text: "☰ " + name + (m ? " (" + c.label("config.prompt." + m.prompt, m.prompt) + ")" : "") });
      ul.appendChild(li);
      if (!m || seen.indexOf(name) >= 0) {
        return;
      }
      const sub = c.el("ul");
      KEYS.filter(function (k) { return m.choices[k] !== undefined; }).forEach(function (k) {
        const s = m.choices[k];
        if (s.action === "MENU") {
          const item = c.el("li", { text: k + " →" });
          const inner = c.el("ul");
          walk(inner, s.target, seen.concat([name]));
          item.appendChild(inner);
          sub.appendChild(item);
        } else {
          sub.appendChild(c.el("li", { text: k + " → " + describe(s) }));
        }
      });
      sub.appendChild(c.el("li", { text: c.label("config.field.fallback", "fallback") + " → " + describe(m.fallback) }));
      li.appendChild(sub);
    }
    if (ivr.entryMenu) {
      walk(root, ivr.entryMenu, []);
    } else {
      root.appendChild(c.el("li", { text: c.label("config.ivr.noMenu", "") + " " + ivr.defaultQueue }));
    }
    parent.appendChild(root);
  }

  function render(parent) {
    c.heading(parent, "config.ivr.entry");
    const entry = c.el("div", { "class": "grid" });
    c.field(entry, ["ivr", "promptSet"], "text");
    promptField(entry, ["ivr", "greetingPrompt"], false);
    promptField(entry, ["ivr", "surveyPrompt"], true);
    c.field(entry, ["ivr", "entryMenu"], "select", { options: [{ value: "", label: c.label("config.none", "—") }]
      .concat(c.namesOf(["ivr", "menus"], "name").map(function (m) { return { value: m, label: m }; })) });
    c.field(entry, ["ivr", "defaultQueue"], "select", { options: c.queueOptions(false) });
    c.pairs(entry, ["ivr", "numberToQueue"], "config.field.numberToQueue", false);
    c.pairs(entry, ["ivr", "priorityCallers"], "config.field.priorityCallers", true);
    parent.appendChild(entry);
    c.heading(parent, "config.ivr.tree");
    outline(parent);
    c.heading(parent, "config.ivr.menus");
    c.list(parent, ["ivr", "menus"], "config.ivr.menu", menu, function () {
      const queues = c.namesOf(["queues"], "name");
      const q = { action: "QUEUE", target: queues.length ? queues[0] : "", priority: 0 };
      return { name: "menu" + ((c.get(["ivr", "menus"]) || []).length + 1), prompt: "main-menu", timeoutS: 5, retries: 2,
        invalidPrompt: "invalid-choice", choices: {}, fallback: q };
    });
  }

  return { render: render };
})();
