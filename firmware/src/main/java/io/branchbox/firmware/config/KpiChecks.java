package io.branchbox.firmware.config;

/**
 * The checks of the {@code kpi} section: the service level's threshold and target. The shifts
 * that reports by shift use are the document's one rota ({@code shifts}, checked by
 * {@link QaChecks}). Part of {@link ConfigValidator}; stateless.
 */
final class KpiChecks {
    private KpiChecks() {}

    static void check(BoxConfig.Kpi k, ConfigErrors e) {
        if (k == null) {
            e.missing("kpi");
            return;
        }
        e.range("kpi.serviceLevelS", k.serviceLevelS(), 1, 600);
        e.range("kpi.serviceLevelTargetPercent", k.serviceLevelTargetPercent(), 1, 100);
    }
}
