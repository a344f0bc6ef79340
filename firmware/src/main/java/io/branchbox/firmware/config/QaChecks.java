package io.branchbox.firmware.config;

/** The shift rota and the quality-monitoring settings of a {@link BoxConfig}. Stateless. */
final class QaChecks {
    private QaChecks() {}

    static void check(BoxConfig c, ConfigErrors e) {
        ShiftChecks.check(c, e);
        BoxConfig.Qa q = c.qa();
        e.require(q.samplePercent() > 0 && q.samplePercent() <= 100, "qa.samplePercent", "percent",
                "more than 0, at most 100");
        e.range("qa.minPerAgentShift", q.minPerAgentShift(), 0, 50);
        e.range("qa.minPerAgentMonth", q.minPerAgentMonth(), 0, 500);
        // the brief: QA records at least six months, and never shorter than the recordings they score
        int recordingDays = c.recording() == null ? 0 : c.recording().retentionDays();
        e.range("qa.keepDays", q.keepDays(), Math.max(183, recordingDays), 3650);
        e.range("qa.longCallS", q.longCallS(), 30, 7200);
        e.range("qa.shortCallS", q.shortCallS(), 1, 300);
    }

}
