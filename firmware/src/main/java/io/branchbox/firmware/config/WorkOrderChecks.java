package io.branchbox.firmware.config;

import java.util.HashSet;
import java.util.Set;

/** The work-order settings of a {@link BoxConfig}: deadlines, crews and their PINs, shift leads. Stateless. */
final class WorkOrderChecks {
    private WorkOrderChecks() {}

    static void check(BoxConfig c, ConfigErrors e) {
        BoxConfig.WorkOrders w = c.workOrders();
        BoxConfig.WorkOrderDeadlines d = w.deadlines();
        if (d == null) {
            e.missing("workOrders.deadlines");
        } else {
            e.range("workOrders.deadlines.dispatchMin", d.dispatchMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.arrivalTownMin", d.arrivalTownMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.arrivalRuralMin", d.arrivalRuralMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.repairCallbackH", d.repairCallbackH(), 1, 24 * 7);
            e.range("workOrders.deadlines.complaintAssignMin", d.complaintAssignMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.complaintFeedbackH", d.complaintFeedbackH(), 1, 24 * 7);
            e.range("workOrders.deadlines.inquiryPassMin", d.inquiryPassMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.inquiryCallbackH", d.inquiryCallbackH(), 1, 24 * 7);
            e.range("workOrders.deadlines.caseRegistrationMin", d.caseRegistrationMin(), 1, 24 * 60);
            e.range("workOrders.deadlines.voicemailMin", d.voicemailMin(), 1, 24 * 60);
        }
        Set<String> crewIds = new HashSet<>();
        for (int i = 0; i < w.crews().size(); i++) {
            BoxConfig.Crew crew = w.crews().get(i);
            String at = "workOrders.crews[" + i + "]";
            // the crew keys its id on a phone: digits only
            e.require(crew.id() != null && crew.id().matches("[0-9]{1,6}"), at + ".id", "crewId", "1 to 6 digits");
            e.require(crewIds.add(crew.id()), at + ".id", "crewTwice", "crew '" + crew.id() + "' listed twice", crew.id());
            e.require(ConfigValidator.notBlank(crew.name()), at + ".name", "required", "a name is required");
        }
        Set<String> shiftIds = new HashSet<>();
        c.shifts().forEach(s -> shiftIds.add(s.id()));
        Set<String> agentIds = new HashSet<>();
        c.agents().forEach(a -> agentIds.add(a.id()));
        Set<String> led = new HashSet<>();
        for (int i = 0; i < w.leads().size(); i++) {
            BoxConfig.ShiftLead l = w.leads().get(i);
            String at = "workOrders.leads[" + i + "]";
            e.require(shiftIds.contains(l.shift()), at + ".shift", "noShift", "no shift named '" + l.shift() + "'", l.shift());
            e.require(led.add(l.shift()), at + ".shift", "shiftTwoLeads", "shift '" + l.shift() + "' has two leads",
                    l.shift());
            e.require(agentIds.contains(l.agent()), at + ".agent", "noAgent", "no agent '" + l.agent() + "'", l.agent());
        }
        e.require(ConfigValidator.notBlank(w.crewPinFile()) && !w.crewPinFile().contains(".."), "workOrders.crewPinFile",
                "crewPinFile", "a file name inside the data directory");
        e.require(w.crewNumber() != null && w.crewNumber().matches("[0-9]{0,32}"), "workOrders.crewNumber",
                "crewNumber", "digits, or empty for none");
        e.require(w.crewMenuCode() != null && w.crewMenuCode().matches("[0-9*#]?"), "workOrders.crewMenuCode",
                "crewMenuCode", "one key, or empty for none");
    }
}
