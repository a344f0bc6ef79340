"use strict";
// The first-boot wizard: reachable without a login, only from the LAN and only until the admin
// password is set (the server answers 404 otherwise). One POST sets everything or nothing.
(function () {
  const i18n = window.bbxI18n;
  const $ = function (id) { return document.getElementById(id); };

  function row(name, values) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.textContent = name;
    const td = document.createElement("td");
    td.textContent = values.join(", ");
    tr.append(th, td);
    return tr;
  }

  async function show() {
    await i18n.load(i18n.stored());
    const response = await fetch("/api/first-boot");
    if (!response.ok) {
      $("problems").textContent = i18n.t("appliance.firstboot.closed");
      $("submit").disabled = true;
      return;
    }
    const box = await response.json();
    $("box-id").textContent = box.boxId;
    $("fingerprint").textContent = box.fingerprint || i18n.t("appliance.firstboot.httpOnly");
    $("site-id").value = box.siteId;
    $("timezone").value = box.timezone;
    $("mqtt-enabled").checked = box.mqttEnabled;
    $("mqtt-uri").value = box.mqttServerUri || "";
    $("mqtt-user").value = box.mqttUsername || "";
    box.timezones.forEach(function (z) {
      const o = document.createElement("option");
      o.value = z;
      $("zones").append(o);
    });
    box.network.forEach(function (n) {
      const name = n.interface === "gateway" ? i18n.t("appliance.firstboot.gateway")
        : n.interface === "dns" ? i18n.t("appliance.firstboot.dns") : n.interface;
      $("network").append(row(name, n.addresses));
    });
  }

  function problems(list) {
    $("problems").replaceChildren();
    list.forEach(function (p) {
      const li = document.createElement("li");
      li.textContent = p.startsWith("core.") || p.startsWith("appliance.") ? i18n.t(p) : p;
      $("problems").append(li);
    });
  }

  $("wizard").addEventListener("submit", async function (event) {
    event.preventDefault();
    if ($("password").value !== $("repeat").value) {
      problems(["appliance.firstboot.mismatch"]);
      return;
    }
    const body = {
      siteId: $("site-id").value.trim(),
      timezone: $("timezone").value.trim(),
      password: $("password").value,
      mqttEnabled: $("mqtt-enabled").checked,
      mqttServerUri: $("mqtt-uri").value.trim(),
      mqttUsername: $("mqtt-user").value.trim()
    };
    $("submit").setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/api/first-boot", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      });
      const answer = await response.json().catch(function () { return {}; });
      if (response.ok) {
        $("wizard").hidden = true;
        $("done").hidden = false;
        $("done-text").textContent = i18n.t("appliance.firstboot.doneText", [answer.siteId, answer.timezone,
          (answer.pendingRestart || []).join(", ") || "-"]);
      } else {
        problems(answer.problems || [answer.error || i18n.t("core.error.status", [response.status])]);
      }
    } catch (e) {
      problems([i18n.t("core.noAnswer")]);
    } finally {
      $("submit").removeAttribute("aria-busy");
    }
  });

  show();
})();
