"use strict";
// Revisions and the audit trail: who saved what when, each change before → after, a comparison
// with the live revision, and rollback (a new revision with the old content). Also the banners
// after a save: applied live, needs a restart (with the restart button), someone else changed it.
window.cfgRevisions = (function () {
  const c = window.cfg;
  const st = c.state;

  function section(name) {
    return c.label("config.section." + name, name);
  }

  function message(text, bad, button) {
    const box = document.getElementById("result");
    box.textContent = "";
    box.className = bad ? "banner bad" : "banner good";
    box.appendChild(c.el("span", { text: text }));
    if (button) {
      box.appendChild(button);
    }
  }

  function restartButton() {
    const b = c.el("button", { type: "button", id: "restart", i18n: "config.restart.now" });
    b.addEventListener("click", async function () {
      if (!window.confirm(c.label("config.restart.confirm", "Restart?"))) {
        return;
      }
      const r = await window.bbx.post("/api/config/restart", {});
      const key = r.status === 202 ? "config.restart.started" : r.status === 501 ? "config.restart.unavailable"
        : "config.restart.failed";
      message(c.label(key, ""), r.status !== 202);
    });
    return b;
  }

  function pending(list) {
    st.pending = list || [];
    const box = document.getElementById("pending");
    box.textContent = "";
    box.className = list && list.length ? "banner warn" : "hidden";
    if (list && list.length) {
      box.appendChild(c.el("span", { text: c.label("config.restart.pending", "{0}").replace("{0}", list.map(section).join("、")) }));
      box.appendChild(restartButton());
    }
  }

  function outcome(body) {
    if (!body.changes.length) {
      message(c.label("config.saved.nothing", ""), false);
      return;
    }
    let text = c.label("config.saved", "{0}").replace("{0}", body.revision);
    if (body.plan.live.length) {
      text += " " + c.label("config.saved.live", "{0}").replace("{0}", body.plan.live.map(section).join("、"));
    }
    message(text, false);
    pending(body.pendingRestart);
  }

  function stale(body) {
    const b = c.el("button", { type: "button", i18n: "config.reload" });
    b.addEventListener("click", function () { st.reload(); });
    message(c.label("config.err.stale", "{0}").replace("{0}", body.current), true, b);
  }

  function when(at) {
    const zone = st.doc && st.doc.site ? st.doc.site.timezone : undefined;
    try {
      return new Intl.DateTimeFormat(st.lang, { timeZone: zone, dateStyle: "medium", timeStyle: "medium" }).format(new Date(at));
    } catch (e) {
      return at;
    }
  }

  function changeList(changes) {
    const ul = c.el("ul", { "class": "changes" });
    changes.forEach(function (ch) {
      const li = c.el("li");
      li.appendChild(c.el("code", { text: ch.path }));
      li.appendChild(c.el("span", { "class": "before", text: ch.before === null ? c.label("config.absent", "—") : ch.before }));
      li.appendChild(c.el("span", { text: " → " }));
      li.appendChild(c.el("span", { "class": "after", text: ch.after === null ? c.label("config.absent", "—") : ch.after }));
      ul.appendChild(li);
    });
    return ul;
  }

  // one row of the audit trail; body carries which revision is live and which are kept
  function auditRow(rec, body, detail) {
    const tr = c.el("tr", { "data-revision": String(rec.revision) });
    tr.appendChild(c.el("td", { text: String(rec.revision) + (rec.revision === body.live ? " ✓" : "") }));
    tr.appendChild(c.el("td", { text: when(rec.at) }));
    tr.appendChild(c.el("td", { text: rec.user }));
    tr.appendChild(c.el("td", { text: c.label("config.revisions.action." + rec.action, rec.action) }));
    const changes = c.el("td");
    changes.appendChild(changeList(rec.changes.slice(0, 3)));
    if (rec.changes.length > 3) {
      const more = c.el("details");
      more.appendChild(c.el("summary", { text: c.label("config.revisions.more", "+{0}").replace("{0}", rec.changes.length - 3) }));
      more.appendChild(changeList(rec.changes.slice(3)));
      changes.appendChild(more);
    }
    tr.appendChild(changes);
    const actions = c.el("td");
    const kept = body.kept.indexOf(rec.revision) >= 0 && rec.from !== undefined;
    if (kept && body.kept.indexOf(rec.from) >= 0 && rec.revision === body.live) {
      actions.appendChild(rollback(rec.from, "config.revisions.undo"));
    }
    if (kept && rec.revision !== body.live) {
      const compare = c.el("button", { type: "button", "class": "compare", i18n: "config.revisions.compare" });
      compare.addEventListener("click", async function () {
        const d = await (await fetch("/api/config/diff?from=" + body.live + "&to=" + rec.revision)).json();
        detail.textContent = "";
        detail.appendChild(c.el("h3", { text: c.label("config.revisions.diffTitle", "{0} {1}").replace("{0}", body.live).replace("{1}", rec.revision) }));
        detail.appendChild(changeList(d.changes));
      });
      actions.appendChild(compare);
      actions.appendChild(rollback(rec.revision, "config.revisions.rollback"));
    }
    tr.appendChild(actions);
    tr.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = c.label(e.getAttribute("data-i18n"), e.textContent); });
    return tr;
  }

  // the audit trail, newest first, paged by the box (pager.js)
  async function render(panel) {
    const detail = c.el("div", { id: "revision-detail" });
    const table = c.el("table", { id: "revisions" });
    const head = c.el("tr");
    ["revision", "at", "user", "action", "changes", ""].forEach(function (h) {
      head.appendChild(c.el("th", h ? { i18n: "config.revisions." + h } : {}));
    });
    table.appendChild(c.el("thead", {}, [head]));
    const tbody = c.el("tbody");
    table.appendChild(tbody);
    const pages = c.el("div", { id: "revision-pages" });
    const pager = window.bbx.pages(pages, 20, function (offset, limit) {
      return "/api/config/revisions?offset=" + offset + "&limit=" + limit;
    }, function (items, body) {
      tbody.replaceChildren.apply(tbody, items.map(function (rec) { return auditRow(rec, body, detail); }));
    }, function () {
      panel.textContent = "";
      c.note(panel, "config.revisions.forbidden");
    });
    if (!(await pager.load())) {
      return;
    }
    panel.appendChild(table);
    panel.appendChild(pages);
    panel.appendChild(detail);
    panel.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = c.label(e.getAttribute("data-i18n"), e.textContent); });
  }

  function rollback(to, key) {
    const b = c.el("button", { type: "button", "class": "rollback", "data-to": String(to), i18n: key });
    b.addEventListener("click", async function () {
      if (!window.confirm(c.label("config.revisions.confirm", "{0}").replace("{0}", to))) {
        return;
      }
      const r = await window.bbx.post("/api/config/revisions/" + to + "/rollback?baseRevision=" + st.base, {});
      const body = await r.json();
      if (r.status === 200) {
        await st.reload();
        outcome(body);
      } else if (r.status === 409) {
        stale(body);
      } else {
        message(body.error, true);
      }
    });
    return b;
  }

  return { render: render, outcome: outcome, stale: stale, pending: pending, message: message };
})();
