"use strict";
// Logs in with JSON so that errors (wrong password, too many attempts, a second factor due) show
// on the page; without JavaScript the form still posts and the server answers with redirects.
(function () {
  const i18n = window.bbxI18n;
  const form = document.getElementById("login");
  const message = document.getElementById("message");
  const language = document.getElementById("language");

  i18n.load(i18n.stored()).then(function () {
    language.value = i18n.language();
    if (new URLSearchParams(window.location.search).has("failed")) {
      message.textContent = i18n.t("core.login.failed");
    }
  });

  language.addEventListener("change", function () {
    i18n.load(language.value);
  });

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    const body = {
      username: document.getElementById("username").value,
      password: document.getElementById("password").value
    };
    const code = document.getElementById("code").value.trim();
    if (code !== "") {
      body.code = code;
    }
    try {
      const response = await fetch("/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": i18n.language() },
        body: JSON.stringify(body)
      });
      const answer = await response.json();
      if (response.ok) {
        window.location.assign(answer.next);
      } else if (answer.code === "core.error.codeNeeded") {
        document.getElementById("code-field").classList.remove("hidden");
        document.getElementById("code").focus();
        message.textContent = i18n.t("core.login.codeNeeded");
      } else {
        message.textContent = answer.error || i18n.t("core.error.status", [response.status]);
      }
    } catch (e) {
      message.textContent = i18n.t("core.noAnswer");
    }
  });
})();
