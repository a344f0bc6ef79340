"use strict";
// The technician's diagnostics tab: the board's raw counters (from the push stream), the
// D-channel capture of each span (a pcap download), a capture of an analog line (WAV plus the
// detectors' findings) and recording a prompt by phone at a seat. The page needs DIAGNOSTICS;
// recording a prompt also needs PROMPTS_MANAGE and its section stays hidden without it. Every
// refusal comes back from the box in the user's language (its "error").
(function () {
  const i18n = window.bbxI18n;
  const message = document.getElementById("diag-message");

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  async function answer(response, out) {
    const body = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      out.className = "error";
      out.textContent = body.error || bbx.t("core.error.status", [response.status]);
      return null;
    }
    out.className = "notice";
    out.textContent = "";
    return body;
  }

  function counters(v) {
    const tbody = document.getElementById("counters");
    const fresh = document.createDocumentFragment();
    Object.keys(v.board.counters).forEach(function (k) {
      const tr = el("tr");
      tr.appendChild(el("td", k));
      tr.appendChild(el("td", i18n.number(v.board.counters[k])));
      fresh.appendChild(tr);
    });
    tbody.replaceChildren(fresh);
  }

  async function lines() {
    const r = await fetch("/api/status/lines");
    if (!r.ok) {
      message.textContent = await bbx.errorOf(r);
      return;
    }
    const v = await r.json();
    const links = document.getElementById("dchannel-links");
    links.replaceChildren();
    v.spans.forEach(function (s) {
      const li = el("li");
      const a = el("a", bbx.t("diag.dchannelOf", [s.span]), { href: "/api/spans/" + s.span + "/capture.pcap",
        "data-span": String(s.span) });
      li.appendChild(a);
      links.appendChild(li);
    });
    const select = document.getElementById("line-port");
    select.replaceChildren();
    v.analog.forEach(function (l) {
      select.appendChild(el("option", "FXO " + l.port, { value: String(l.port) }));
    });
  }

  document.getElementById("line-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const port = document.getElementById("line-port").value;
    const seconds = document.getElementById("line-seconds").value.trim();
    const r = await bbx.post("/api/lines/" + encodeURIComponent(port) + "/capture?seconds=" + encodeURIComponent(seconds), {});
    const body = await answer(r, message);
    if (body) {
      const li = el("li");
      [body.wav, body.detections].forEach(function (path) {
        const name = path.split("/").pop();
        li.appendChild(el("a", name, { href: "/api/captures/" + encodeURIComponent(name) }));
        li.appendChild(document.createTextNode(" "));
      });
      li.appendChild(el("span", bbx.t("diag.captureRunning", [body.seconds]), { "class": "notice" }));
      document.getElementById("line-files").prepend(li);
    }
  });

  function phone(session) {
    if (session.permissions.indexOf("PROMPTS_MANAGE") < 0) {
      return;
    }
    document.getElementById("phone-section").hidden = false;
    const out = document.getElementById("phone-result");
    document.getElementById("phone-form").addEventListener("submit", async function (event) {
      event.preventDefault();
      const set = document.getElementById("phone-set").value.trim();
      const name = document.getElementById("phone-name").value.trim();
      const seat = document.getElementById("phone-seat").value.trim();
      const r = await bbx.post("/api/prompts/" + encodeURIComponent(set) + "/" + encodeURIComponent(name)
        + "/record?seat=" + encodeURIComponent(seat), {});
      if (await answer(r, out)) {
        out.textContent = bbx.t("diag.recordingStarted", [seat, set + "/" + name]);
      }
    });
    document.getElementById("phone-stop").addEventListener("click", async function () {
      const seat = document.getElementById("phone-seat").value.trim();
      const r = await bbx.post("/api/prompt-recording/" + encodeURIComponent(seat) + "/stop", {});
      const body = await answer(r, out);
      if (body) {
        out.textContent = bbx.t("diag.recordingSaved", [i18n.duration(body.durationMs / 1000)]);
      }
    });
  }

  bbx.ready.then(function (session) {
    bbx.live.on("status", counters);
    lines();
    phone(session);
  });
})();
