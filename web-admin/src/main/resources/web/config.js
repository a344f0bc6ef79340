"use strict";
// The configuration page: one tab per section of the document, a draft checked by the server as
// you type (every problem beside its field, in your language), save as a new revision with what
// was applied live and what needs a restart, and the revisions with their changes and rollback.
(function () {
  const c = window.cfg;
  const st = c.state;
  const SECTIONS = ["site", "board", "spans", "fxo", "agents", "queues", "ivr", "hours", "console", "recording",
    "uplink", "web", "appliance", "shifts", "qa", "workOrders", "kpi", "revisions"];
  let active = "site";
  let timer = null;
  let lastErrors = [];

  const draw = {
    site: function (p) {
      const g = c.el("div", { "class": "grid" });
      ["siteId", "boxId", "name", "timezone"].forEach(function (f) { c.field(g, ["site", f], "text"); });
      p.appendChild(g);
      c.note(p, "config.restart.site");
    },
    board: function (p) {
      c.note(p, "config.restart.board");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["board", "device"], "text");
      c.field(g, ["board", "baud"], "int");
      c.field(g, ["board", "rtsCts"], "bool");
      p.appendChild(g);
      c.heading(p, "config.board.pins");
      const pins = c.el("div", { "class": "grid" });
      ["boardReset", "boardPresent", "pwrLed", "trunkLed", "uplinkLed", "recLed", "factoryButton", "i2cBus"]
        .forEach(function (f) { c.field(pins, ["pins", f], "int", { readonly: true }); });
      p.appendChild(pins);
    },
    spans: function (p) {
      c.note(p, "config.restart.spans");
      c.list(p, ["spans"], "config.spans.span", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["span"]), "int");
        c.field(g, path.concat(["enabled"]), "bool");
        c.field(g, path.concat(["framing"]), "select", { options: c.enumOptions("Framing", ["CRC4", "NO_CRC4"]) });
        c.field(g, path.concat(["clock"]), "select", { options: c.enumOptions("ClockSource", ["LINE", "INTERNAL"]) });
        card.appendChild(g);
      }, function () { return { span: st.doc.spans.length, enabled: true, framing: "CRC4", clock: "LINE" }; });
      c.note(p, "config.spans.maintenance");
      c.heading(p, "config.spans.outbound");
      const o = c.el("div", { "class": "grid" });
      c.codes(o, ["outbound", "spanOrder"], "config.field.spanOrder");
      c.field(o, ["outbound", "channelOrder"], "select", { options: c.enumOptions("ChannelOrder", ["HIGHEST_FIRST", "LOWEST_FIRST"]) });
      c.field(o, ["outbound", "channelMode"], "select", { options: c.enumOptions("ChannelMode", ["PREFERRED", "EXCLUSIVE", "NETWORK_CHOOSES"]) });
      ["maxAttempts", "maxAttemptsPerSpan", "deadlineS"].forEach(function (f) { c.field(o, ["outbound", f], "int"); });
      p.appendChild(o);
      // span numbers are numbers: keep the order list numeric when it parses
      const order = c.get(["outbound", "spanOrder"]);
      c.set(["outbound", "spanOrder"], order.map(function (x) { return /^\d+$/.test(String(x)) ? Number(x) : x; }));
    },
    fxo: function (p) {
      c.note(p, "config.restart.fxo");
      c.list(p, ["fxo"], "config.fxo.line", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["port"]), "int");
        c.field(g, path.concat(["enabled"]), "bool");
        c.field(g, path.concat(["ringsToAnswer"]), "int");
        c.field(g, path.concat(["callerId"]), "select", { options: c.enumOptions("CallerId", ["FSK_BELL_202", "DTMF", "FSK_V23", "NONE"]) });
        // supervision: how the exchange signals answer and hang-up on this line
        const sv = path.concat(["supervision"]);
        c.field(g, sv.concat(["polarityReversal"]), "bool");
        c.field(g, sv.concat(["answerTimeoutS"]), "int", { hint: "config.fxo.answerTimeoutHint" });
        c.field(g, sv.concat(["disconnectToneMs"]), "int", { hint: "config.fxo.disconnectToneHint" });
        card.appendChild(g);
        card.appendChild(c.el("p", { "class": "notice", i18n: "config.fxo.polarityHint" }));
      }, function () {
        return { port: st.doc.fxo.length, enabled: true, ringsToAnswer: 2, callerId: "FSK_BELL_202",
          supervision: { polarityReversal: true, answerTimeoutS: 30, disconnectToneMs: 2100 } };
      });
    },
    agents: function (p) {
      const queues = c.queueOptions(false);
      c.list(p, ["agents"], "config.agents.agent", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["id"]), "text");
        c.field(g, path.concat(["name"]), "text");
        c.field(g, path.concat(["seat"]), "int", { hint: "config.agents.seatHint" });
        c.pairs(g, path.concat(["skills"]), "config.field.skills", true);
        card.appendChild(g);
        c.multi(card, path.concat(["queues"]), queues, "config.field.queues");
      }, function () {
        const n = st.doc.agents.length + 1;
        return { id: "agent" + n, name: "", seat: 0, queues: [], skills: {} };
      });
    },
    queues: function (p) {
      c.list(p, ["queues"], "config.queues.queue", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["name"]), "text");
        c.field(g, path.concat(["strategy"]), "select", { options: c.enumOptions("Strategy", ["LONGEST_IDLE", "ROUND_ROBIN", "FEWEST_CALLS"]) });
        ["offerTimeoutS", "wrapUpS", "maxWaitS", "maxLength"].forEach(function (f) { c.field(g, path.concat([f]), "int"); });
        c.field(g, path.concat(["overflow"]), "select", { options: c.enumOptions("Overflow", ["NONE", "QUEUE", "VOICEMAIL", "CALLBACK"]) });
        c.field(g, path.concat(["overflowQueue"]), "select", { options: c.queueOptions(true) });
        c.field(g, path.concat(["skill"]), "text");
        c.field(g, path.concat(["widenEveryS"]), "int");
        c.field(g, path.concat(["announceEveryS"]), "int");
        card.appendChild(g);
      }, function () {
        return { name: "queue" + (st.doc.queues.length + 1), strategy: "LONGEST_IDLE", offerTimeoutS: 12, wrapUpS: 10,
          maxWaitS: 600, overflowQueue: "", overflow: "CALLBACK", maxLength: 0, skill: "", widenEveryS: 0, announceEveryS: 60 };
      });
    },
    ivr: function (p) { window.cfgIvr.render(p); },
    hours: function (p) { window.cfgHours.render(p); },
    console: function (p) {
      const g = c.el("div", { "class": "grid" });
      ["missedOffersToNotReady", "callbackAttempts", "callbackRetryS"].forEach(function (f) { c.field(g, ["console", f], "int"); });
      p.appendChild(g);
      c.codes(p, ["console", "notReadyReasons"], "config.field.notReadyReasons");
      c.codes(p, ["console", "wrapUpCodes"], "config.field.wrapUpCodes");
      const names = c.el("p", { "class": "notice" });
      names.textContent = st.doc.console.notReadyReasons.concat(st.doc.console.wrapUpCodes)
        .map(function (r) { return r + " = " + c.label("config.reason." + r, r); }).join("；");
      p.appendChild(names);
    },
    recording: function (p) {
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["recording", "directory"], "text", { hint: "config.restart.recordingDirectory" });
      c.field(g, ["recording", "retentionDays"], "int");
      c.field(g, ["recording", "recordIvr"], "bool");
      p.appendChild(g);
    },
    uplink: function (p) {
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["uplink", "enabled"], "bool");
      c.field(g, ["uplink", "protocol"], "select", { options: c.enumOptions("MqttProtocol", ["MQTT_5", "MQTT_3_1_1"]) });
      ["serverUri", "username", "passwordFile", "topicPrefix"].forEach(function (f) { c.field(g, ["uplink", f], "text"); });
      ["healthIntervalS", "figuresIntervalS"].forEach(function (f) { c.field(g, ["uplink", f], "int"); });
      ["caFile", "clientCertFile", "clientKeyFile", "commandKeyFile"].forEach(function (f) { c.field(g, ["uplink", f], "text"); });
      p.appendChild(g);
      const test = c.el("button", { type: "button", id: "uplink-test", i18n: "config.uplink.test" });
      const out = c.el("span", { id: "uplink-test-result", "class": "notice" });
      test.addEventListener("click", async function () {
        out.textContent = c.label("config.uplink.testing", "…");
        const r = await window.bbx.post("/api/config/uplink-test", st.doc.uplink);
        const body = await r.json();
        out.className = body.ok ? "good" : "bad";
        out.textContent = c.label(body.code, body.message || body.error) + (body.detail ? " (" + body.detail + ")" : "");
      });
      p.appendChild(test);
      p.appendChild(out);
    },
    web: function (p) {
      c.note(p, "config.restart.web");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["web", "bind"], "text");
      c.field(g, ["web", "port"], "int");
      p.appendChild(g);
      c.heading(p, "config.web.https");
      const h = c.el("div", { "class": "grid" });
      c.field(h, ["web", "https", "enabled"], "bool", { label: "config.field.httpsEnabled" });
      c.field(h, ["web", "https", "port"], "int", { label: "config.field.httpsPort" });
      c.field(h, ["web", "https", "redirectHttp"], "bool");
      c.field(h, ["web", "https", "certificate"], "select",
        { options: c.enumOptions("CertificateSource", ["BOX", "UPLOADED"]) });
      p.appendChild(h);
      uploadCertificate(p);
    },
    // the appliance's own housekeeping: the daily backup and where first boot looks for a document
    appliance: function (p) {
      c.note(p, "config.restart.appliance");
      c.heading(p, "config.appliance.backup");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["appliance", "backup", "enabled"], "bool");
      c.field(g, ["appliance", "backup", "hour"], "int", { hint: "config.appliance.hourHint" });
      c.field(g, ["appliance", "backup", "keep"], "int");
      c.field(g, ["appliance", "backup", "directory"], "text", { label: "config.field.backupDirectory", hint: "config.appliance.directoryHint" });
      c.field(g, ["appliance", "backup", "recordings"], "bool", { label: "config.field.backupRecordings" });
      p.appendChild(g);
      c.heading(p, "config.appliance.provisioning");
      c.codes(p, ["appliance", "provisioningDirs"], "config.field.provisioningDirs");
    },
    revisions: function (p) { window.cfgRevisions.render(p); }
  };
  Object.assign(draw, window.cfgOperations); // shifts, qa, workOrders, kpi (config-operations.js)

  // The certificate upload: a PKCS#12 file with its password, checked by the box by content and
  // used after a restart when "certificate" is UPLOADED.
  function uploadCertificate(p) {
    const g = c.el("div", { "class": "grid" });
    const file = c.el("input", { type: "file", id: "cert-file", accept: ".p12,.pfx,application/x-pkcs12" });
    const password = c.el("input", { type: "password", id: "cert-password", autocomplete: "off" });
    g.appendChild(c.el("label", { "class": "field" }, [c.el("span", { "class": "field-label", i18n: "config.web.certFile" }), file]));
    g.appendChild(c.el("label", { "class": "field" }, [c.el("span", { "class": "field-label", i18n: "config.web.certPassword" }), password]));
    p.appendChild(g);
    const send = c.el("button", { type: "button", id: "cert-upload", i18n: "config.web.certUpload" });
    const out = c.el("span", { id: "cert-result", "class": "notice", role: "status" });
    send.addEventListener("click", async function () {
      if (!file.files.length) {
        out.className = "bad";
        out.textContent = c.label("config.web.certChoose", "");
        return;
      }
      const s = await bbx.session();
      const r = await fetch("/api/config/certificate", {
        method: "POST",
        headers: { "Content-Type": "application/x-pkcs12", "X-CSRF-Token": s.csrfToken,
          "X-Certificate-Password": password.value },
        body: await file.files[0].arrayBuffer()
      });
      const body = await r.json();
      out.className = r.ok ? "good" : "bad";
      out.textContent = r.ok ? c.label("config.web.certUploaded", "") + " " + body.subject + " · SHA-256 " + body.fingerprint
        : (body.error || String(r.status));
    });
    p.appendChild(send);
    p.appendChild(out);
  }

  function translate(root) {
    root.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = c.label(e.getAttribute("data-i18n"), e.textContent); });
  }

  function render() {
    const tabs = document.getElementById("tabs");
    tabs.textContent = "";
    SECTIONS.forEach(function (s) {
      const b = c.el("button", { type: "button", role: "tab", "data-section": s, i18n: "config.section." + s });
      b.setAttribute("aria-selected", String(s === active));
      b.addEventListener("click", function () { active = s; render(); });
      tabs.appendChild(b);
    });
    const panel = document.getElementById("panel");
    panel.textContent = "";
    panel.appendChild(c.el("h2", { i18n: "config.section." + active }));
    draw[active](panel);
    document.getElementById("revision").textContent = c.t("config.revision", [st.base]);
    translate(document.body);
    showErrors(lastErrors);
  }

  function errorText(e) {
    const s = c.t(e.code, e.args);
    return s === null ? e.message : s;
  }

  function showErrors(errors) {
    lastErrors = errors;
    document.querySelectorAll("[data-err-for]").forEach(function (s) { s.textContent = ""; });
    document.querySelectorAll("[aria-invalid]").forEach(function (s) { s.removeAttribute("aria-invalid"); });
    const global = document.getElementById("global-errors");
    global.textContent = "";
    const perSection = {};
    errors.forEach(function (e) {
      perSection[e.path.split(/[.[]/)[0]] = (perSection[e.path.split(/[.[]/)[0]] || 0) + 1;
      let path = e.path;
      let slot = null;
      while (path && !(slot = document.querySelector('[data-err-for="' + CSS.escape(path) + '"]'))) {
        path = path.replace(/(\.[^.[\]]*|\[\d+\])$/, "");
        if (!/[.[]/.test(path) && !document.querySelector('[data-err-for="' + CSS.escape(path) + '"]')) {
          path = "";
        }
      }
      const text = errorText(e);
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + " " : "") + text;
        const control = document.querySelector('[data-path="' + CSS.escape(e.path) + '"]');
        if (control) {
          control.setAttribute("aria-invalid", "true");
        }
      } else {
        global.appendChild(c.el("li", { text: e.path + ": " + text }));
      }
    });
    document.querySelectorAll("#tabs button").forEach(function (b) {
      const n = perSection[b.getAttribute("data-section")] || 0;
      b.classList.toggle("has-errors", n > 0);
      b.setAttribute("data-errors", n > 0 ? String(n) : "");
    });
    const save = document.getElementById("save");
    save.disabled = errors.length > 0;
    document.getElementById("status").textContent = errors.length
      ? c.label("config.problems", "{0}").replace("{0}", errors.length) : "";
  }

  async function check() {
    const r = await fetch("/api/config/check", { method: "POST", headers: { "Content-Type": "application/json",
      "X-CSRF-Token": (await window.bbx.session()).csrfToken }, body: JSON.stringify(st.doc) });
    const body = await r.json();
    showErrors(body.errors || [{ path: "document", code: "", args: [], message: body.error }]);
  }

  function scheduleCheck() {
    document.getElementById("save").disabled = true;
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  }

  async function save() {
    const r = await fetch("/api/config?baseRevision=" + st.base, { method: "POST", headers: { "Content-Type": "application/json",
      "X-CSRF-Token": (await window.bbx.session()).csrfToken }, body: JSON.stringify(st.doc) });
    const body = await r.json();
    if (r.status === 200) {
      st.base = body.revision;
      st.doc.revision = body.revision;
      window.cfgRevisions.outcome(body);
      render();
    } else if (r.status === 409) {
      window.cfgRevisions.stale(body);
    } else if (r.status === 422) {
      showErrors(body.errors);
    } else {
      window.cfgRevisions.message(body.error, true);
    }
  }

  async function load() {
    const r = await fetch("/api/config");
    const body = await r.json();
    st.doc = body.document;
    st.base = body.revision;
    window.cfgRevisions.pending(body.pendingRestart);
    lastErrors = [];
    render();
  }

  async function start() {
    await window.bbx.ready;
    st.lang = window.bbxI18n.language();
    const prompts = await fetch("/api/prompts?limit=500"); // every prompt of the active set to pick from
    st.prompts = prompts.ok ? (await prompts.json()).items.map(function (x) { return x.name; }) : [];
    st.onChange = scheduleCheck;
    st.rerender = render;
    st.reload = load;
    document.getElementById("save").addEventListener("click", save);
    document.getElementById("reload").addEventListener("click", load);
    await load();
  }

  start();
})();
