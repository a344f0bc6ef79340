"use strict";
// bbx.live: the page's one connection to the box's push stream (/api/events, server-sent events).
// bbx.live.on("status" | "console" | "agents", onData, onTrouble) calls onData with each event's
// JSON as it arrives; onTrouble(text) when the stream breaks (the browser reconnects by itself).
// The stream's "clock" event carries the box's time; it sets bbxI18n's "now", so that times in
// state are counted on the box's clock (a wrong browser clock showed agents "8058 h" in state).
(function () {
  const handlers = {};
  const troubles = [];
  let source = null;

  function open() {
    source = new EventSource("/api/events");
    source.onerror = function () {
      troubles.forEach(function (f) { f(bbx.t("core.boxSilent")); });
    };
    source.addEventListener("clock", function (event) {
      window.bbxI18n.serverTime(JSON.parse(event.data).epochMs);
    });
    Object.keys(handlers).forEach(listen);
  }

  function listen(name) {
    source.addEventListener(name, function (event) {
      const data = JSON.parse(event.data);
      handlers[name].forEach(function (f) { f(data); });
    });
  }

  window.bbx.live = {
    on: function (name, onData, onTrouble) {
      if (!handlers[name]) {
        handlers[name] = [];
        if (source !== null) {
          listen(name);
        }
      }
      handlers[name].push(onData);
      if (onTrouble) {
        troubles.push(onTrouble);
      }
      if (source === null) {
        open();
      }
    }
  };
})();
