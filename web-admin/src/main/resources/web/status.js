"use strict";
// The status page: redrawn from every snapshot the box pushes (bbx.live, /api/events). Builds DOM
// nodes with textContent only, so values from the box (caller numbers, names) can never inject
// markup. States are shown by their display names; times are durations, so no time zone applies.
(function () {
  const i18n = window.bbxI18n;
  const text = bbx.text;
  let lastOk = 0;

  function setText(id, value) {
    document.getElementById(id).textContent = value === null || value === undefined ? "\u2014" : String(value);
  }

  function bytes(n) {
    if (n < 0) {
      return null;
    }
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return i18n.number(n, i === 0 ? 0 : 1) + " " + units[i];
  }

  function rows(tbodyId, items, cells) {
    const tbody = document.getElementById(tbodyId);
    const fresh = document.createDocumentFragment();
    items.forEach(function (item) {
      const tr = document.createElement("tr");
      cells(item).forEach(function (cell) {
        tr.appendChild(cell instanceof Node ? cell : text("td", cell));
      });
      fresh.appendChild(tr);
    });
    tbody.replaceChildren(fresh);
  }

  // An alarm by its name in the user's language (span alarms carry their span's number); the
  // engine's English line only for a code the catalogue does not name yet.
  function alarmName(a) {
    const span = /^E1_SPAN(\d+)_(.+)$/.exec(a.code);
    const key = "status.alarm." + (span ? "E1_SPAN_" + span[2] : a.code);
    return i18n.has(key) ? bbx.t(key, span ? [span[1]] : []) : a.code + ": " + a.text;
  }

  // the alarms come whole with every pushed snapshot; the one paging component pages them here
  let alarmList = [];
  let alarmPages = null;

  function alarms(list) {
    document.getElementById("no-alarms").hidden = list.length > 0;
    document.getElementById("alarms-table").hidden = list.length === 0;
    document.getElementById("alarm-pages").hidden = list.length === 0;
    alarmList = list;
    if (alarmPages === null) {
      alarmPages = bbx.pages(document.getElementById("alarm-pages"), 20, function (offset, limit) {
        return { items: alarmList.slice(offset, offset + limit), total: alarmList.length };
      }, function (page) {
        rows("alarms", page, function (a) {
          const tr = text("td", bbx.label("status.severity.", a.severity), a.severity === "WARNING" ? "" : "bad");
          return [tr, alarmName(a), i18n.dateTime(a.sinceEpochMs), i18n.since(a.sinceEpochMs)];
        });
      });
    }
    alarmPages.load();
  }

  function render(v) {
    // the snapshot's own time is the box's "now" for its "since" times (the box's clock, not the browser's)
    i18n.serverTime(v.takenAtEpochMs);
    setText("board-state", bbx.label("status.board.", v.board.state));
    setText("board-reason", v.board.reason);
    setText("board-serial", v.board.serial);
    setText("board-firmware", v.board.firmware);
    setText("uptime", i18n.duration(v.uptimeSeconds));
    setText("versions", Object.keys(v.versions).map(function (k) { return k + " " + v.versions[k]; }).join(", "));
    alarms(v.alarms || []);
    rows("spans", v.spans, function (s) {
      return [s.id, bbx.t(s.configured ? "core.yes" : "core.no"),
        text("td", s.alarms.length ? s.alarms.join(" ") : bbx.t("core.none"), s.alarms.length ? "bad" : "good"),
        text("td", bbx.t(s.layer2Up ? "status.up" : "status.down"), s.layer2Up ? "good" : "bad"),
        s.channelsBusy, s.channelsIdle, s.channelsBlocked,
        Object.keys(s.refusalsByCause).map(function (c) { return c + " \u00d7 " + s.refusalsByCause[c]; }).join(", ") || bbx.t("core.none")];
    });
    rows("calls", v.calls, function (c) {
      return [c.callId, c.trunk, c.callerNumber, bbx.label("core.callState.", c.state), c.queue, c.agent,
        i18n.since(c.sinceEpochMs)];
    });
    rows("queues", v.queues, function (q) {
      return [q.name, q.waiting, i18n.duration(q.longestWaitSeconds), q.offeredToday, q.answeredToday, q.abandonedToday,
        i18n.number(q.serviceLevelPercent) + " %"];
    });
    rows("agents", v.agents, function (a) {
      return [a.id, a.name, a.seat, bbx.label("core.agentState.", a.state), i18n.since(a.sinceEpochMs)];
    });
    const health = document.getElementById("recording-health");
    health.textContent = bbx.t(v.recording.healthy ? "status.healthy" : "status.unhealthy");
    health.className = v.recording.healthy ? "good" : "bad";
    setText("recording-coverage", i18n.number(v.recording.coverageTodayPercent, 1) + " %");
    setText("recording-free", bytes(v.recording.freeStorageBytes));
    setText("uplink-state", bbx.label("status.uplinkState.", v.uplink.state));
    setText("uplink-queued", v.uplink.queued);
  }

  function freshness(error) {
    const el = document.getElementById("freshness");
    if (error) {
      el.textContent = bbx.t("core.noUpdate", [lastOk ? i18n.time(lastOk) : bbx.t("core.pageLoad"), error]);
      el.className = "notice bad";
    } else {
      el.textContent = bbx.t("core.updated", [i18n.time(lastOk)]);
      el.className = "notice";
    }
  }

  bbx.ready.then(function (s) {
    setText("certificate", s.certificate || bbx.t("status.httpOnly"));
    bbx.live.on("status", function (v) {
      render(v);
      lastOk = i18n.now();
      freshness(null);
    }, freshness);
  });
})();
