"use strict";
// The tabs of the branch's operations: the shift rota (shifts and their leads' rotation), quality
// inspection (sampling and how long scores are kept), work orders (deadlines, crews, the leads of
// each shift, the crews' phone line) and the KPI targets. Same fields, same check beside the
// field and same save / revision / audit path as every other tab (config-forms.js, config.js).
window.cfgOperations = (function () {
  const c = window.cfg;
  const st = c.state;
  const DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "HOLIDAY"];

  function shiftOptions() {
    return c.namesOf(["shifts"], "id").map(function (s) { return { value: s, label: s }; });
  }

  function agentOptions() {
    return c.namesOf(["agents"], "id").map(function (a) { return { value: a, label: a }; });
  }

  return {
    shifts: function (p) {
      c.note(p, "config.restart.operations");
      c.list(p, ["shifts"], "config.shifts.shift", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["id"]), "text", { label: "config.field.shiftId" });
        c.field(g, path.concat(["name"]), "text");
        c.field(g, path.concat(["start"]), "text", { label: "config.field.shiftStart", hint: "config.shifts.timeHint" });
        c.field(g, path.concat(["end"]), "text", { label: "config.field.shiftEnd", hint: "config.shifts.timeHint" });
        c.field(g, path.concat(["cover"]), "bool", { label: "config.field.shiftCover" });
        card.appendChild(g);
        c.multi(card, path.concat(["days"]), c.enumOptions("ShiftDays", DAYS), "config.field.shiftDays");
        const r = c.el("div", { "class": "grid" });
        const rotation = path.concat(["rotation"]);
        c.field(r, rotation.concat(["from"]), "text", { label: "config.field.rotationFrom", hint: "config.shifts.fromHint" });
        c.field(r, rotation.concat(["everyDays"]), "int", { label: "config.field.rotationEveryDays" });
        c.codes(r, rotation.concat(["leads"]), "config.field.rotationLeads");
        card.appendChild(r);
      }, function () {
        return { id: "shift" + (st.doc.shifts.length + 1), name: "", start: "08:00", end: "17:00", days: DAYS.slice(),
          cover: false, rotation: { from: "", everyDays: 0, leads: [] } };
      });
    },
    qa: function (p) {
      c.note(p, "config.restart.operations");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["qa", "samplePercent"], "number", { hint: "config.qa.sampleHint" });
      ["minPerAgentShift", "minPerAgentMonth", "keepDays", "longCallS", "shortCallS"]
        .forEach(function (f) { c.field(g, ["qa", f], "int"); });
      p.appendChild(g);
    },
    workOrders: function (p) {
      c.note(p, "config.restart.operations");
      c.heading(p, "config.workOrders.deadlines");
      const d = c.el("div", { "class": "grid" });
      ["dispatchMin", "arrivalTownMin", "arrivalRuralMin", "repairCallbackH", "complaintAssignMin", "complaintFeedbackH",
        "inquiryPassMin", "inquiryCallbackH", "caseRegistrationMin", "voicemailMin"]
        .forEach(function (f) { c.field(d, ["workOrders", "deadlines", f], "int"); });
      p.appendChild(d);
      c.heading(p, "config.workOrders.crews");
      c.list(p, ["workOrders", "crews"], "config.workOrders.crew", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["id"]), "text", { label: "config.field.crewId", hint: "config.workOrders.crewIdHint" });
        c.field(g, path.concat(["name"]), "text");
        card.appendChild(g);
      }, function () { return { id: String(st.doc.workOrders.crews.length + 31), name: "" }; });
      c.heading(p, "config.workOrders.leads");
      c.list(p, ["workOrders", "leads"], "config.workOrders.lead", function (card, path) {
        const g = c.el("div", { "class": "grid" });
        c.field(g, path.concat(["shift"]), "select", { options: shiftOptions(), label: "config.field.leadShift" });
        c.field(g, path.concat(["agent"]), "select", { options: agentOptions(), label: "config.field.leadAgent" });
        card.appendChild(g);
      }, function () { return { shift: (st.doc.shifts[0] || {}).id || "", agent: (st.doc.agents[0] || {}).id || "" }; });
      c.heading(p, "config.workOrders.phone");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["workOrders", "crewPinFile"], "text");
      c.field(g, ["workOrders", "crewNumber"], "text");
      c.field(g, ["workOrders", "crewMenuCode"], "text");
      p.appendChild(g);
    },
    kpi: function (p) {
      c.note(p, "config.restart.operations");
      const g = c.el("div", { "class": "grid" });
      c.field(g, ["kpi", "serviceLevelS"], "int", { hint: "config.kpi.serviceLevelHint" });
      c.field(g, ["kpi", "serviceLevelTargetPercent"], "int");
      p.appendChild(g);
    }
  };
})();
