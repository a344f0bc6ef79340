"use strict";
// Shared by the logged-in pages: who is logged in (roles, permissions, language, the site's time
// zone), the CSRF token, POST with that token, and bbx.ready, which resolves once the page speaks
// the user's language. Pages start their work in bbx.ready.then(...).
window.bbx = (function () {
  const i18n = window.bbxI18n;
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

  const ready = session().then(async function (s) {
    await i18n.load(s.language, s.timeZone);
    return s;
  });

  async function post(url, body) {
    return send("POST", url, body);
  }

  async function send(method, url, body) {
    const s = await session();
    return fetch(url, {
      method: method,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrfToken },
      body: JSON.stringify(body || {})
    });
  }

  // The server's message for a refused request (already in the user's language), or a general one.
  async function errorOf(response) {
    try {
      const body = await response.json();
      return body.error || i18n.t("core.error.status", [response.status]);
    } catch (e) {
      return i18n.t("core.error.status", [response.status]);
    }
  }

  async function logout() {
    await post("/logout", {});
    window.location.assign("/login");
  }

  async function setLanguage(language) {
    const response = await post("/api/me/language", { language: language });
    if (response.ok) {
      window.localStorage.setItem("bbx.lang", language);
      window.location.reload();
    }
  }

  function text(tag, value, className) {
    const el = document.createElement(tag);
    el.textContent = value === null || value === undefined || value === "" ? "\u2014" : String(value);
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

  return {
    session: session, ready: ready, post: post, send: send, errorOf: errorOf, logout: logout,
    setLanguage: setLanguage, text: text, bindLogout: bindLogout, t: i18n.t, label: i18n.label
  };
})();
