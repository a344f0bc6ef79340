"use strict";
// The second factor on the password page, for technicians: shows a fresh key to add to an
// authenticator app and turns two-step login on once a code from the app matches; or turns it off
// with a current code.
(function () {
  const section = document.getElementById("totp");
  const message = document.getElementById("totp-message");
  let offer = null;

  function show() {
    document.getElementById("totp-state").textContent = bbx.t(offer.enabled ? "core.totp.on" : "core.totp.off");
    document.getElementById("totp-setup").classList.toggle("hidden", offer.enabled);
    document.getElementById("totp-secret").textContent = offer.secret.replace(/(.{4})/g, "$1 ").trim();
    document.getElementById("totp-button").textContent = bbx.t(offer.enabled ? "core.totp.disable" : "core.totp.enable");
  }

  async function load() {
    const response = await fetch("/api/me/totp");
    if (!response.ok) {
      return;
    }
    offer = await response.json();
    section.classList.remove("hidden");
    show();
  }

  document.getElementById("totp-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    const code = document.getElementById("totp-code").value.trim();
    const response = offer.enabled
      ? await bbx.post("/api/me/totp/off", { code: code })
      : await bbx.post("/api/me/totp", { secret: offer.secret, code: code });
    if (!response.ok) {
      message.textContent = await bbx.errorOf(response);
      return;
    }
    document.getElementById("totp-code").value = "";
    load();
  });

  bbx.ready.then(function (s) {
    if (!s.mustChangePassword && (s.permissions.indexOf("CONFIG_EDIT") >= 0 || s.permissions.indexOf("USERS_MANAGE") >= 0)) {
      load();
    }
  });
})();
