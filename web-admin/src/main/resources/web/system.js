"use strict";
// The technician's system page: the firmware running and an update under way, installing a signed
// update package (verified by the box before anything changes; docs/UPDATES.md), the backups.
(function () {
  const $ = function (id) { return document.getElementById(id); };

  function say(id, text, bad) {
    $(id).className = bad ? "error" : "notice";
    $(id).textContent = text;
  }

  async function show() {
    const t = window.bbx.t;
    const r = await fetch("/api/system");
    if (!r.ok) {
      return;
    }
    const s = await r.json();
    const u = s.update;
    $("running").textContent = u.running + (u.current === "package" || u.current === u.running ? "" : " → " + u.current);
    $("installed").textContent = u.installed.length ? u.installed.join(", ") : "-";
    $("under-way").textContent = u.underWay ? t("appliance.updateUnderWay", [u.underWay.from, u.underWay.to,
      u.underWay.step]) : (u.onTrial ? t("appliance.system.onTrial") : "-");
    const b = await fetch("/api/system/backups");
    if (b.ok) {
      const list = (await b.json()).backups;
      $("backups").replaceChildren();
      list.slice().reverse().forEach(function (f) {
        const tr = document.createElement("tr");
        const a = document.createElement("a");
        a.href = "/api/system/backups/" + encodeURIComponent(f.name);
        a.textContent = f.name;
        const name = document.createElement("td");
        name.append(a);
        const size = document.createElement("td");
        size.textContent = window.bbxI18n.number(f.bytes / 1048576, 1) + " MB";
        tr.append(name, size);
        $("backups").append(tr);
      });
    }
  }

  $("update-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const t = window.bbx.t;
    const file = $("package").files[0];
    if (!file) {
      return;
    }
    $("install").setAttribute("aria-busy", "true");
    say("update-message", t("appliance.system.checking"), false);
    try {
      const s = await window.bbx.session();
      const r = await fetch("/api/system/update", {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream", "X-CSRF-Token": s.csrfToken },
        body: file
      });
      if (r.ok) {
        const a = await r.json();
        say("update-message", t("appliance.system.installed.ok", [a.to, a.from, a.healthDeadlineS]), false);
      } else {
        say("update-message", t("appliance.system.refused", [await window.bbx.errorOf(r)]), true);
      }
    } catch (e) {
      say("update-message", t("core.noAnswer"), true);
    } finally {
      $("install").removeAttribute("aria-busy");
      show();
    }
  });

  $("backup").addEventListener("click", async function () {
    const t = window.bbx.t;
    $("backup").setAttribute("aria-busy", "true");
    const r = await window.bbx.post("/api/system/backups?recordings=" + $("with-recordings").checked, {});
    $("backup").removeAttribute("aria-busy");
    say("backup-message", r.ok ? t("appliance.system.backupMade", [(await r.json()).name])
      : await window.bbx.errorOf(r), !r.ok);
    show();
  });

  window.bbx.ready.then(show);
})();
