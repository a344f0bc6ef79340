"use strict";
// The status page's appliance section: box id, what first boot did with a provisioning file
// (applied, or refused and why), the first-boot wizard's record, and a firmware update under way.
// The certificate fingerprint is in the board section (status.js). Asked once and every 30 s.
(function () {
  function set(id, text) {
    document.getElementById(id).textContent = text;
  }

  async function show() {
    const r = await fetch("/api/system/first-boot-report");
    if (!r.ok) {
      return;
    }
    const a = await r.json();
    const t = window.bbx.t;
    set("appliance-box", a.boxId + " · " + t("appliance.version") + " " + a.version);
    const fb = a.firstBoot;
    const list = document.getElementById("appliance-problems");
    list.replaceChildren();
    if (!fb) {
      set("appliance-provisioning", t("appliance.noFirstBoot"));
    } else if (!fb.provisioningFile) {
      set("appliance-provisioning", t("appliance.provisioningNone"));
    } else if (fb.applied) {
      set("appliance-provisioning", t("appliance.provisioningApplied", [fb.provisioningFile]));
    } else {
      set("appliance-provisioning", t("appliance.provisioningRefused", [fb.provisioningFile]));
      fb.errors.forEach(function (e) {
        const li = document.createElement("li");
        li.textContent = e;
        list.append(li);
      });
    }
    const w = a.wizard;
    set("appliance-wizard", w ? t("appliance.wizardDone", [window.bbxI18n.dateTime(w.at),
      w.siteId, w.timezone]) : a.wizardOpen ? t("appliance.wizardOpen") : t("appliance.wizardNone"));
    const u = a.update;
    set("appliance-update", u.underWay ? t("appliance.updateUnderWay", [u.underWay.from, u.underWay.to, u.underWay.step])
      : t("appliance.updateIdle", [u.running]));
  }

  window.bbx.ready.then(function () {
    show();
    setInterval(show, 30000);
  });
})();
