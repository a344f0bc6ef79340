"use strict";
(function () {
  const message = document.getElementById("message");

  async function act(url) {
    const response = await bbx.post(url, {});
    if (!response.ok) {
      message.textContent = (await response.json()).error;
    }
    load();
  }

  async function load() {
    const response = await fetch("/api/users");
    if (!response.ok) {
      message.textContent = "Cannot list users (" + response.status + ")";
      return;
    }
    const users = await response.json();
    const tbody = document.getElementById("users");
    const fresh = document.createDocumentFragment();
    users.forEach(function (u) {
      const tr = document.createElement("tr");
      tr.appendChild(bbx.text("td", u.username));
      tr.appendChild(bbx.text("td", u.roles.join(", ").toLowerCase()));
      tr.appendChild(bbx.text("td", u.created));
      tr.appendChild(bbx.text("td", u.disabled ? "disabled" : (u.mustChangePassword ? "password change due" : "active")));
      const cell = document.createElement("td");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = u.disabled ? "Enable" : "Disable";
      button.addEventListener("click", function () {
        act("/api/users/" + encodeURIComponent(u.username) + (u.disabled ? "/enable" : "/disable"));
      });
      cell.appendChild(button);
      tr.appendChild(cell);
      fresh.appendChild(tr);
    });
    tbody.replaceChildren(fresh);
  }

  document.getElementById("create").addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    const response = await bbx.post("/api/users", {
      username: document.getElementById("new-username").value,
      password: document.getElementById("new-password").value,
      roles: [document.getElementById("new-role").value]
    });
    if (!response.ok) {
      message.textContent = (await response.json()).error;
    }
    load();
  });

  bbx.bindLogout();
  load();
})();
