package io.branchbox.firmware.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which sections of a changed document the running box takes live and which need a restart.
 *
 * <p>Live: agents, queues, the IVR (menus, prompts, prompt set), business hours, the console
 * rules, the recording policy except its directory, the uplink, and the site's display name.
 * Restart: the board link, the pins, the spans, the analog lines, outbound dialling, the web
 * listener, the site's identifiers and time zone, the recording directory and the appliance
 * settings (backups, first boot), the shifts, quality inspection, work orders and KPI targets
 * (the KPI ledger, QA sampling and the work-order clocks are built from them at start), because the
 * threads, devices and files built from them are made once at start.
 *
 * @param live    sections changed and applied live (names as in the document: "queues", …)
 * @param restart sections changed that take effect only after a restart
 */
public record ConfigApplyPlan(List<String> live, List<String> restart) {
    public ConfigApplyPlan {
        live = List.copyOf(live);
        restart = List.copyOf(restart);
    }

    /** Whether the change needs a restart to be whole. */
    public boolean needsRestart() {
        return !restart.isEmpty();
    }

    /** The plan for going from {@code a} to {@code b}. */
    public static ConfigApplyPlan between(BoxConfig a, BoxConfig b) {
        List<String> live = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        sort("site", !Objects.equals(a.site().name(), b.site().name()), live);
        sort("site", !Objects.equals(a.site().siteId(), b.site().siteId())
                || !Objects.equals(a.site().boxId(), b.site().boxId())
                || !Objects.equals(a.site().timezone(), b.site().timezone()), restart);
        sort("board", !a.board().equals(b.board()), restart);
        sort("pins", !a.pins().equals(b.pins()), restart);
        sort("spans", !a.spans().equals(b.spans()), restart);
        sort("fxo", !a.fxo().equals(b.fxo()), restart);
        sort("outbound", !a.outbound().equals(b.outbound()), restart);
        sort("web", !a.web().equals(b.web()), restart);
        sort("agents", !a.agents().equals(b.agents()), live);
        sort("queues", !a.queues().equals(b.queues()), live);
        sort("ivr", !a.ivr().equals(b.ivr()), live);
        sort("hours", !a.hours().equals(b.hours()), live);
        sort("console", !a.console().equals(b.console()), live);
        sort("recording", a.recording().retentionDays() != b.recording().retentionDays()
                || a.recording().recordIvr() != b.recording().recordIvr(), live);
        sort("recording", !a.recording().directory().equals(b.recording().directory()), restart);
        sort("uplink", !a.uplink().equals(b.uplink()), live);
        // backups and first boot are set up by the appliance services at start
        sort("appliance", !java.util.Objects.equals(a.appliance(), b.appliance()), restart);
        // the branch's operations: read once at start by the KPI ledger, QA wiring and work orders
        sort("shifts", !Objects.equals(a.shifts(), b.shifts()), restart);
        sort("qa", !Objects.equals(a.qa(), b.qa()), restart);
        sort("workOrders", !Objects.equals(a.workOrders(), b.workOrders()), restart);
        sort("kpi", !Objects.equals(a.kpi(), b.kpi()), restart);
        return new ConfigApplyPlan(live, restart);
    }

    private static void sort(String section, boolean changed, List<String> into) {
        if (changed && !into.contains(section)) {
            into.add(section);
        }
    }
}
