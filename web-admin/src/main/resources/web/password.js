"use strict";
(function () {
  const message = document.getElementById("message");
  bbx.bindLogout();
  bbx.session().then(function (s) {
    if (s.mustChangePassword) {
      document.getElementById("forced").classList.remove("hidden");
    }
  });
  document.getElementById("change").addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    const next = document.getElementById("new").value;
    if (next !== document.getElementById("repeat").value) {
      message.textContent = "The two new passwords differ.";
      return;
    }
    const response = await bbx.post("/api/password", {
      currentPassword: document.getElementById("current").value,
      newPassword: next
    });
    if (response.ok) {
      window.location.assign("/");
    } else {
      const body = await response.json();
      message.textContent = body.error || ("Change failed (" + response.status + ")");
    }
  });
})();
