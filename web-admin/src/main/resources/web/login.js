"use strict";
// Logs in with JSON so that errors (wrong password, too many attempts) show on the page;
// without JavaScript the form still posts and the server answers with redirects.
(function () {
  const form = document.getElementById("login");
  const message = document.getElementById("message");
  if (new URLSearchParams(window.location.search).has("failed")) {
    message.textContent = "Wrong user name or password.";
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    message.textContent = "";
    try {
      const response = await fetch("/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          username: document.getElementById("username").value,
          password: document.getElementById("password").value
        })
      });
      const body = await response.json();
      if (response.ok) {
        window.location.assign(body.next);
      } else {
        message.textContent = body.error || ("Login failed (" + response.status + ")");
      }
    } catch (e) {
      message.textContent = "The box did not answer. Check the network and try again.";
    }
  });
})();
