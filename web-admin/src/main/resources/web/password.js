"use strict";
(function () {
  const message = document.getElementById("message");
  bbx.ready.then(function (s) {
    if (s.mustChangePassword) {
      document.getElementById("forced").classList.remove("hidden");
    }
  });
  document.getElementById("change").addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    const next = document.getElementById("new").value;
    if (next !== document.getElementById("repeat").value) {
      message.textContent = bbx.t("core.password.differ");
      return;
    }
    const response = await bbx.post("/api/password", {
      currentPassword: document.getElementById("current").value,
      newPassword: next
    });
    if (response.ok) {
      const s = await bbx.session();
      window.location.assign(s.home && s.home !== "/password" ? s.home : "/");
    } else {
      message.textContent = await bbx.errorOf(response);
    }
  });
})();
