"use strict";
// The language of the pages: loads the merged message catalogue (/api/i18n/<lang>), fills every
// element marked data-i18n (text), data-i18n-title, data-i18n-placeholder and data-i18n-aria-label,
// and gives the pages t(key, args) and formatters that write dates, times and numbers the way the
// user's language does, in the SITE's time zone (from the session), never the browser's.
// Chinese (zh-CN) is the default; the language is the user's (stored on the server), remembered in
// localStorage only so that the login page speaks it too.
window.bbxI18n = (function () {
  const DEFAULT = "zh-CN";
  let lang = DEFAULT;
  let zone = undefined;
  let messages = {};

  function stored() {
    try {
      return window.localStorage.getItem("bbx.lang") || DEFAULT;
    } catch (e) {
      return DEFAULT;
    }
  }

  function remember(language) {
    try {
      window.localStorage.setItem("bbx.lang", language);
    } catch (e) {
      // private mode: the server still knows the user's language
    }
  }

  // t(key, ["a", 2]) or t(key, "a"): {0}, {1} … in the text are replaced literally.
  function t(key, args) {
    const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
    if (args === undefined || args === null) {
      return text;
    }
    const list = Array.isArray(args) ? args : [args];
    return text.replace(/\{(\d+)\}/g, function (whole, i) {
      return i < list.length ? String(list[i]) : whole;
    });
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(messages, key);
  }

  // A configured code (示忙 reason, wrap-up code, state) by its display name when the catalogue has one.
  function label(prefix, code) {
    if (code === null || code === undefined || code === "") {
      return code;
    }
    const key = prefix + String(code);
    return has(key) ? messages[key] : String(code);
  }

  function apply(root) {
    const scope = root || document;
    scope.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll("[data-i18n-title]").forEach(function (el) { el.title = t(el.dataset.i18nTitle); });
    scope.querySelectorAll("[data-i18n-placeholder]").forEach(function (el) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    });
    scope.querySelectorAll("[data-i18n-aria-label]").forEach(function (el) {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    });
  }

  async function load(language, timeZone) {
    lang = language || stored();
    zone = timeZone || undefined;
    remember(lang);
    const response = await fetch("/api/i18n/" + encodeURIComponent(lang));
    messages = response.ok ? await response.json() : {};
    document.documentElement.lang = lang;
    apply(document);
    document.body.classList.remove("loading");
  }

  function format(value, options) {
    if (value === null || value === undefined || value === "" || value === 0) {
      return null;
    }
    const d = value instanceof Date ? value : new Date(value);
    if (isNaN(d.getTime())) {
      return null;
    }
    return new Intl.DateTimeFormat(lang, Object.assign({ timeZone: zone, hour12: false }, options)).format(d);
  }

  function dateTime(value) {
    return format(value, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      second: "2-digit" });
  }

  function time(value) {
    return format(value, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  function number(n, digits) {
    if (n === null || n === undefined) {
      return null;
    }
    return new Intl.NumberFormat(lang, { maximumFractionDigits: digits || 0, minimumFractionDigits: digits || 0 })
      .format(n);
  }

  // 1 h 2 min 3 s written the user's way: "1小时2分3秒" / "1 h 2 min 3 s".
  function duration(seconds) {
    let s = Math.max(0, Math.floor(seconds || 0));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    s = s % 60;
    if (h > 0) {
      return t("core.duration.hms", [h, m, s]);
    }
    return m > 0 ? t("core.duration.ms", [m, s]) : t("core.duration.s", [s]);
  }

  // The box's clock, not the browser's: times in state are the box's "now" minus the box's "since".
  // The push stream sends the box's time (event "clock"); between two such events the box's time
  // advances by the browser's elapsed time (performance.now(), monotonic, immune to the browser's
  // wall clock being wrong). Until the first one arrives the browser's clock stands in.
  let serverAtMs = null;
  let localAtMs = 0;

  function serverTime(epochMs) {
    if (typeof epochMs === "number" && epochMs > 0) {
      serverAtMs = epochMs;
      localAtMs = performance.now();
    }
  }

  function now() {
    return serverAtMs === null ? Date.now() : serverAtMs + (performance.now() - localAtMs);
  }

  function since(value) {
    const ms = typeof value === "number" ? value : (/^\d+$/.test(value) ? Number(value) : Date.parse(value));
    return value && !isNaN(ms) && ms > 0 ? duration((now() - ms) / 1000) : null;
  }

  return {
    t: t, has: has, label: label, apply: apply, load: load, dateTime: dateTime, time: time, number: number,
    duration: duration, since: since, stored: stored, now: now, serverTime: serverTime,
    language: function () { return lang; },
    timeZone: function () { return zone; }
  };
})();
