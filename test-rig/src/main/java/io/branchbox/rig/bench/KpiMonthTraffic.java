package io.branchbox.rig.bench;

import static io.branchbox.firmware.journal.CallEventTypes.*;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

/**
 * A generated month of a busy branch, written into a real journal as call control writes it: six
 * agents per shift, calls spread over the day (busier in the morning), each through the IVR to a
 * queue; about 5 % abandon, the rest are answered with holds, transfers, surveys and wrap-up, and
 * agents take not-ready breaks. Deterministic for a seed. Used by {@link KpiReportBench}.
 */
final class KpiMonthTraffic {
    private static final String[] QUEUES = {"repair", "inquiry", "complaint"};
    private static final String[] IVR_STEPS = {"welcome", "language", "main", "service", "account", "district"};
    private final EventJournal journal;
    private final Random rnd;
    private long events;

    KpiMonthTraffic(EventJournal journal, long seed) {
        this.journal = journal;
        this.rnd = new Random(seed);
    }

    /** Writes {@code calls} calls spread over the days from {@code first}; returns the events written. */
    long write(LocalDate first, int days, int calls, ZoneId zone) {
        int perDay = calls / days;
        for (int d = 0; d < days; d++) {
            Instant dayStart = first.plusDays(d).atStartOfDay(zone).toInstant();
            for (int a = 1; a <= 6; a++) {
                e(dayStart.plusSeconds(a), AGENT_STATE, null, "agent" + a, null, STATE, "READY", REASON_CODE, "");
            }
            for (int i = 0; i < perDay; i++) {
                // 60 % of the calls between 08:30 and 17:30, the rest in the evening and at night
                long second = i < perDay * 6 / 10 ? 30_600 + rnd.nextInt(32_400) : rnd.nextInt(86_000);
                call(d, i, dayStart.plusSeconds(second).plusMillis(rnd.nextInt(1000)));
            }
            String agent = "agent" + (1 + rnd.nextInt(6));
            Instant pause = dayStart.plusSeconds(43_200);
            e(pause, AGENT_STATE, null, agent, null, STATE, "NOT_READY", REASON_CODE, "meal");
            e(pause.plusSeconds(1800), AGENT_STATE, null, agent, null, STATE, "READY", REASON_CODE, "");
        }
        return events;
    }

    private void call(int day, int n, Instant t) {
        String id = String.format("d%02d-%05d", day, n);
        String q = QUEUES[rnd.nextInt(QUEUES.length)];
        String agent = "agent" + (1 + rnd.nextInt(6));
        e(t, CALL_STARTED, id, null, null, DIRECTION, "IN", TRUNK, "span0/ts" + (1 + rnd.nextInt(30)), CALLING,
                "1380000" + rnd.nextInt(10_000), CALLED, "95598");
        e(t, CALL_ANSWERED, id, null, null);
        t = t.plusSeconds(5);
        // the menu tree of a real hotline: language, main menu, a sub-menu, account confirmation...
        for (String menu : IVR_STEPS) {
            e(t, CALL_IVR, id, null, null, MENU, menu, KEY, String.valueOf(1 + rnd.nextInt(3)), STEP, "MENU:next");
            t = t.plusMillis(800 + rnd.nextInt(1500));
        }
        e(t, CALL_IVR, id, null, null, MENU, "confirm", KEY, "1", STEP, "QUEUE:" + q);
        e(t, CALL_QUEUED, id, null, q, PRIORITY, "0");
        t = t.plusMillis(rnd.nextInt(25_000));
        if (rnd.nextInt(100) < 5) {
            e(t, CALL_ENDED, id, null, q, DISPOSITION, "ABANDONED", CAUSE, "16", REASON, "caller hung up");
            return;
        }
        if (rnd.nextInt(100) < 30) { // refused or rang out at a first seat, back to the queue
            String first = "agent" + (1 + rnd.nextInt(6));
            e(t, CALL_OFFERED, id, first, q, SEAT, "2");
            e(t, AGENT_STATE, id, first, null, STATE, "OFFERED", REASON_CODE, "");
            t = t.plusSeconds(12);
            e(t, CALL_OFFER_MISSED, id, first, q, SEAT, "2");
            e(t, AGENT_STATE, null, first, null, STATE, "READY", REASON_CODE, "");
        }
        e(t, CALL_OFFERED, id, agent, q, SEAT, "1");
        e(t, AGENT_STATE, id, agent, null, STATE, "OFFERED", REASON_CODE, "");
        t = t.plusMillis(500 + rnd.nextInt(4000));
        e(t, CALL_CONNECTED, id, agent, q, SEAT, "1");
        e(t, AGENT_STATE, id, agent, null, STATE, "ON_CALL", REASON_CODE, "");
        t = t.plusSeconds(20 + rnd.nextInt(100));
        if (rnd.nextInt(100) < 30) {
            e(t, CALL_HELD, id, agent, q);
            t = t.plusSeconds(5 + rnd.nextInt(30));
            e(t, CALL_RETRIEVED, id, agent, q);
            t = t.plusSeconds(10 + rnd.nextInt(40));
        }
        e(t, AGENT_STATE, null, agent, null, STATE, "WRAP_UP", REASON_CODE, "");
        if (rnd.nextInt(100) < 65) {
            t = t.plusSeconds(3);
            e(t, CALL_SURVEY, id, agent, q, RATING, String.valueOf(rnd.nextInt(100) < 97 ? 1 : 2 + rnd.nextInt(2)));
        }
        t = t.plusSeconds(1);
        e(t, CALL_ENDED, id, agent, q, DISPOSITION, "ANSWERED", CAUSE, "16", REASON, "caller hung up",
                DURATION_MS, "90000");
        e(t, RECORDING_FINISHED, id, null, q, FILE, "recordings/" + id + ".wav", DURATION_MS, "90000", SHA256,
                "0".repeat(64));
        e(t.plusSeconds(5), CALL_WRAPUP, id, agent, null, CODE, "answered", NOTES, "", CUSTOMER, "");
        e(t.plus(Duration.ofSeconds(10)), AGENT_STATE, null, agent, null, STATE, "READY", REASON_CODE, "");
    }

    private void e(Instant at, String type, String callId, String agent, String queue, String... kv) {
        Map<String, String> attrs = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            attrs.put(kv[i], kv[i + 1]);
        }
        journal.append(JournalEvent.of(at, type, callId, agent, queue, attrs));
        events++;
    }
}
