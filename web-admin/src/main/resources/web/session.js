"use strict";
// Shared by the logged-in pages: who is logged in, the CSRF token, and POST with that token.
window.bbx = (function () {
  let current = null;

  async function session() {
    if (current === null) {
      const response = await fetch("/api/session");
      if (response.status === 401) {
        window.location.assign("/login");
        throw new Error("not logged in");
      }
      current = await response.json();
    }
    return current;
  }

  async function post(url, body) {
    const s = await session();
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrfToken },
      body: JSON.stringify(body || {})
    });
  }

  async function logout() {
    await post("/logout", {});
    window.location.assign("/login");
  }

  function text(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value === null || value === undefined ? "\u2014" : String(value);
    if (className) {
      el.className = className;
    }
    return el;
  }

  function bindLogout() {
    const button = document.getElementById("logout");
    if (button) {
      button.addEventListener("click", logout);
    }
  }

  return { session: session, post: post, logout: logout, text: text, bindLogout: bindLogout };
})();
