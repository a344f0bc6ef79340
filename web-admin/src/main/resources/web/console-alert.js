"use strict";
// bbx.offerAlert(call | null): tells the agent that a call is offered even when the console is
// not in front: a red banner, the page title alternating with the caller's number, a ring tone
// (Web Audio, no sound file), and a desktop notification once the agent has allowed them.
// null stops it all. The "enable alerts" button asks for the notification permission and unlocks
// sound (browsers allow both only after a click).
(function () {
  let offered = null;
  let titleTimer = null;
  let ringTimer = null;
  let audio = null;
  let notification = null;
  const baseTitle = function () { return bbx.t("console.title"); };

  function ring() {
    if (audio === null || audio.state !== "running") {
      return;
    }
    [0, 0.45].forEach(function (offset) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 440;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      const at = audio.currentTime + offset;
      osc.start(at);
      osc.stop(at + 0.35);
    });
  }

  function start(call) {
    const who = call.number || bbx.t("console.withheld");
    const banner = document.getElementById("offer-banner");
    banner.textContent = bbx.t("console.offered", [who, call.queue || ""]);
    banner.classList.remove("hidden");
    let flip = false;
    titleTimer = window.setInterval(function () {
      flip = !flip;
      document.title = flip ? bbx.t("console.offeredTitle", [who]) : baseTitle();
    }, 800);
    ring();
    ringTimer = window.setInterval(ring, 3000);
    if ("Notification" in window && Notification.permission === "granted") {
      notification = new Notification(bbx.t("console.offeredTitle", [who]), { body: call.queue || "", tag: "bbx-offer" });
      notification.onclick = function () { window.focus(); };
    }
  }

  function stop() {
    window.clearInterval(titleTimer);
    window.clearInterval(ringTimer);
    titleTimer = null;
    ringTimer = null;
    document.title = baseTitle();
    document.getElementById("offer-banner").classList.add("hidden");
    if (notification !== null) {
      notification.close();
      notification = null;
    }
  }

  window.bbx.offerAlert = function (call) {
    const id = call && call.state === "OFFERED" ? call.callId : null;
    if (id === offered) {
      return;
    }
    if (offered !== null) {
      stop();
    }
    offered = id;
    if (id !== null) {
      start(call);
    }
  };

  window.bbx.enableAlerts = function () {
    if (audio === null && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
    }
    if (audio !== null) {
      audio.resume();
    }
    if ("Notification" in window && Notification.permission === "default") {
      Notification.requestPermission();
    }
  };
})();
