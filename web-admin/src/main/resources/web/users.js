"use strict";
// User administration: roles as check boxes (a user may hold several), link to a configured
// agent picked from a list, reset another user's password, disable, enable, delete — each asked
// for confirmation. Names come from users: textContent only.
(function () {
  const ROLES = ["TECHNICIAN", "DIRECTOR", "SHIFT_LEAD", "QUALITY_INSPECTOR", "AGENT", "VIEWER", "SUPERVISOR"];
  const message = document.getElementById("message");
  const done = document.getElementById("done");
  const i18n = window.bbxI18n;
  let agents = [];
  let pager = null;

  function path(u, tail) {
    return "/api/users/" + encodeURIComponent(u.username) + (tail || "");
  }

  async function act(method, url, body, question) {
    message.textContent = "";
    done.textContent = "";
    if (question && !(await bbx.confirm(question))) {
      return;
    }
    const response = await bbx.send(method, url, body || {});
    if (response.ok) {
      done.textContent = bbx.t("core.users.saved");
    } else {
      message.textContent = await bbx.errorOf(response);
    }
    load();
  }

  function button(key, onClick, className) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = bbx.t(key);
    if (className) {
      b.className = className;
    }
    b.addEventListener("click", onClick);
    return b;
  }

  function roleBoxes(container, chosen, prefix) {
    ROLES.forEach(function (role) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = role;
      box.name = prefix;
      box.checked = chosen.indexOf(role) >= 0;
      label.append(box, document.createTextNode(" " + bbx.t("core.role." + role)));
      container.appendChild(label);
    });
  }

  function checked(container) {
    return Array.from(container.querySelectorAll("input[type=checkbox]:checked")).map(function (b) { return b.value; });
  }

  function agentPicker(u) {
    const select = document.createElement("select");
    select.setAttribute("aria-label", bbx.t("core.users.agent"));
    const none = document.createElement("option");
    none.value = "";
    none.textContent = bbx.t("core.users.noAgent");
    select.appendChild(none);
    agents.forEach(function (a) {
      const o = document.createElement("option");
      o.value = a.agentId;
      o.textContent = a.name ? a.name + " (" + a.agentId + ")" : a.agentId;
      select.appendChild(o);
    });
    if (u.agentId && !agents.some(function (a) { return a.agentId === u.agentId; })) {
      const o = document.createElement("option");
      o.value = u.agentId;
      o.textContent = u.agentId;
      select.appendChild(o);
    }
    select.value = u.agentId || "";
    select.addEventListener("change", function () {
      act("POST", path(u, "/agent"), { agentId: select.value || null });
    });
    return select;
  }

  function state(u) {
    return bbx.t(u.disabled ? "core.users.disabled" : (u.mustChangePassword ? "core.users.changeDue" : "core.users.active"));
  }

  function row(u) {
    const tr = document.createElement("tr");
    tr.dataset.user = u.username;
    tr.appendChild(bbx.text("td", u.username));
    const roles = document.createElement("td");
    const box = document.createElement("div");
    box.className = "roles";
    roleBoxes(box, u.roles, "roles-" + u.username);
    roles.append(box, button("core.users.saveRoles", function () {
      act("POST", path(u, "/roles"), { roles: checked(box) });
    }, "secondary"));
    tr.appendChild(roles);
    const agent = document.createElement("td");
    agent.appendChild(agentPicker(u));
    tr.appendChild(agent);
    tr.appendChild(bbx.text("td", state(u), u.disabled ? "bad" : ""));
    tr.appendChild(bbx.text("td", bbx.t(u.totpEnabled ? "core.users.totpOn" : "core.users.totpOff")));
    tr.appendChild(bbx.text("td", i18n.dateTime(u.created)));
    const actions = document.createElement("td");
    actions.appendChild(button("core.users.reset", async function () {
      const password = window.prompt(bbx.t("core.users.newPasswordFor", [u.username]));
      if (password) {
        act("POST", path(u, "/password"), { password: password });
      }
    }));
    actions.appendChild(u.disabled
      ? button("core.users.enable", function () { act("POST", path(u, "/enable")); })
      : button("core.users.disable", function () {
        act("POST", path(u, "/disable"), {}, bbx.t("core.users.confirmDisable", [u.username]));
      }));
    if (u.totpEnabled) {
      actions.appendChild(button("core.users.totpReset", function () {
        act("POST", path(u, "/totp/off"), {}, bbx.t("core.users.confirmTotpReset", [u.username]));
      }, "secondary"));
    }
    actions.appendChild(button("core.users.delete", function () {
      act("DELETE", path(u), {}, bbx.t("core.users.confirmDelete", [u.username]));
    }, "contrast"));
    tr.appendChild(actions);
    return tr;
  }

  function draw(list) {
    const fresh = document.createDocumentFragment();
    list.forEach(function (u) { fresh.appendChild(row(u)); });
    document.getElementById("users").replaceChildren(fresh);
  }

  function load() {
    return pager.load();
  }

  async function loadAgents() {
    const response = await fetch("/api/users/agents");
    agents = response.ok ? await response.json() : [];
  }

  document.getElementById("create").addEventListener("submit", async function (event) {
    event.preventDefault();
    await act("POST", "/api/users", {
      username: document.getElementById("new-username").value,
      password: document.getElementById("new-password").value,
      roles: checked(document.getElementById("new-roles"))
    });
  });

  bbx.ready.then(async function () {
    roleBoxes(document.getElementById("new-roles"), ["AGENT"], "new-roles");
    pager = bbx.pages(document.getElementById("pages"), 20, function (offset, limit) {
      return "/api/users?offset=" + offset + "&limit=" + limit;
    }, draw);
    await loadAgents();
    load();
  });
})();
