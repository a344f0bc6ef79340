"use strict";
// Polls /api/status every second and redraws the page. Builds DOM nodes with textContent only,
// so values from the box (caller numbers, names) can never inject markup.
(function () {
  const POLL_MS = 1000;
  const text = bbx.text;
  let lastOk = 0;

  function setText(id, value) {
    document.getElementById(id).textContent = value === null || value === undefined ? "\u2014" : String(value);
  }

  function duration(seconds) {
    if (seconds < 0) {
      seconds = 0;
    }
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = Math.floor(seconds % 60);
    return (h > 0 ? h + "h " : "") + (h > 0 || m > 0 ? m + "m " : "") + s + "s";
  }

  function since(epochMs) {
    return epochMs > 0 ? duration((Date.now() - epochMs) / 1000) : null;
  }

  function bytes(n) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return n.toFixed(i === 0 ? 0 : 1) + " " + units[i];
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

  function render(v) {
    setText("board-state", v.board.state);
    setText("board-reason", v.board.reason);
    setText("board-serial", v.board.serial);
    setText("board-firmware", v.board.firmware);
    setText("uptime", duration(v.uptimeSeconds));
    setText("versions", Object.keys(v.versions).map(function (k) { return k + " " + v.versions[k]; }).join(", "));
    rows("counters", Object.keys(v.board.counters), function (k) { return [k, v.board.counters[k]]; });
    rows("spans", v.spans, function (s) {
      return [s.id, s.configured ? "yes" : "no",
        text("td", s.alarms.length ? s.alarms.join(" ") : "none", s.alarms.length ? "bad" : "good"),
        text("td", s.layer2Up ? "up" : "down", s.layer2Up ? "good" : "bad"),
        s.channelsBusy, s.channelsIdle, s.channelsBlocked];
    });
    rows("calls", v.calls, function (c) {
      return [c.callId, c.trunk, c.callerNumber, c.state, c.queue, c.agent, since(c.sinceEpochMs)];
    });
    rows("queues", v.queues, function (q) {
      return [q.name, q.waiting, duration(q.longestWaitSeconds), q.offeredToday, q.answeredToday, q.abandonedToday,
        Math.round(q.serviceLevelPercent) + " %"];
    });
    rows("agents", v.agents, function (a) { return [a.id, a.name, a.seat, a.state, since(a.sinceEpochMs)]; });
    const health = document.getElementById("recording-health");
    health.textContent = v.recording.healthy ? "healthy" : "NOT HEALTHY";
    health.className = v.recording.healthy ? "good" : "bad";
    setText("recording-coverage", v.recording.coverageTodayPercent.toFixed(1) + " %");
    setText("recording-free", bytes(v.recording.freeStorageBytes));
    setText("uplink-state", v.uplink.state);
    setText("uplink-queued", v.uplink.queued);
  }

  function showFreshness(error) {
    const el = document.getElementById("freshness");
    if (error) {
      el.textContent = "No update since " + (lastOk ? new Date(lastOk).toLocaleTimeString() : "page load") + ": " + error;
      el.className = "notice bad";
    } else {
      el.textContent = "Updated " + new Date(lastOk).toLocaleTimeString();
      el.className = "notice";
    }
  }

  async function poll() {
    try {
      const response = await fetch("/api/status");
      if (response.status === 401) {
        window.location.assign("/login");
        return;
      }
      if (!response.ok) {
        showFreshness("the box answered " + response.status);
      } else {
        render(await response.json());
        lastOk = Date.now();
        showFreshness(null);
      }
    } catch (e) {
      showFreshness("the box does not answer");
    }
    window.setTimeout(poll, POLL_MS);
  }

  bbx.bindLogout();
  bbx.session().then(function (s) {
    document.getElementById("who").textContent = s.username;
    if (s.permissions.includes("CONSOLE_USE")) {
      document.getElementById("console-link").classList.remove("hidden");
    }
    if (s.permissions.includes("USERS_MANAGE")) {
      document.getElementById("users-link").classList.remove("hidden");
    }
    if (s.permissions.includes("RECORDINGS_LISTEN")) {
      document.getElementById("recordings-link").classList.remove("hidden");
    }
  });
  poll();
})();
