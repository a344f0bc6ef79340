package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.uplink.Alarm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmMonitorTest {
    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    private final List<Alarm> sent = new ArrayList<>();
    private final AlarmMonitor monitor = new AlarmMonitor();

    private static BoxSnapshot snapshot(String board, List<String> spanAlarms, boolean l2, List<String> gaps, String storage) {
        return new BoxSnapshot(T, T, new BoxSnapshot.Board(board, "no PONG", "SN1", "1.0", Map.of()),
                List.of(new BoxSnapshot.Span(0, true, spanAlarms.isEmpty(), l2, spanAlarms, 0, 30, 0)),
                List.of(), List.of(), List.of(), List.of(),
                new BoxSnapshot.RecordingInfo(gaps.isEmpty(), "", 0, gaps.isEmpty() ? 100 : 90, gaps, storage, 1 << 30),
                new BoxSnapshot.Uplink(io.branchbox.firmware.uplink.UplinkState.CONNECTED, 0));
    }

    private static BoxSnapshot spanAt(Instant at, List<String> spanAlarms, String board) {
        return new BoxSnapshot(at, T, new BoxSnapshot.Board(board, "no PONG", "SN1", "1.0", Map.of()),
                List.of(new BoxSnapshot.Span(0, true, spanAlarms.isEmpty(), true, spanAlarms, 0, 30, 0)),
                List.of(), List.of(), List.of(), List.of(),
                new BoxSnapshot.RecordingInfo(true, "", 0, 100, List.of(), "OK", 1 << 30), new BoxSnapshot.Uplink(io.branchbox.firmware.uplink.UplinkState.CONNECTED, 0));
    }

    @Test
    void eachActiveAlarmKnowsSinceWhenOnTheSnapshotsClockMostSevereFirst() {
        monitor.check(spanAt(T, List.of("LOS"), "ONLINE"));
        monitor.check(spanAt(T.plusSeconds(60), List.of("LOS", "AIS"), "OFFLINE"));
        monitor.setSink(sent::add); // a new uplink sink: the conditions did not start again
        monitor.check(spanAt(T.plusSeconds(120), List.of("LOS"), "OFFLINE"));

        assertEquals(List.of(new ActiveAlarm("BOARD_DOWN", Alarm.Severity.CRITICAL, "CB-1 board offline: no PONG",
                        T.plusSeconds(60)),
                new ActiveAlarm("E1_SPAN0_ALARM", Alarm.Severity.CRITICAL, "E1 span 0 alarm: LOS", T)), monitor.current()
                .stream().sorted(java.util.Comparator.comparing(ActiveAlarm::code)).toList());
        monitor.check(spanAt(T.plusSeconds(180), List.of(), "ONLINE"));
        assertEquals(List.of(), monitor.current());
        monitor.check(spanAt(T.plusSeconds(240), List.of("LOF"), "ONLINE"));
        assertEquals(T.plusSeconds(240), monitor.current().get(0).since(), "a condition that ended and came back starts anew");
    }

    private List<String> codes() {
        return sent.stream().map(a -> a.code() + ":" + a.severity()).toList();
    }

    @Test
    void eachConditionIsRaisedOnceAndClearedOnce() {
        monitor.setSink(sent::add);
        monitor.check(snapshot("ONLINE", List.of(), true, List.of(), "OK"));
        assertEquals(List.of(), codes());

        monitor.check(snapshot("ONLINE", List.of("LOS"), false, List.of(), "OK"));
        monitor.check(snapshot("ONLINE", List.of("LOS"), false, List.of(), "OK"));
        assertEquals(List.of("E1_SPAN0_ALARM:CRITICAL"), codes());

        monitor.check(snapshot("ONLINE", List.of(), false, List.of(), "OK"));
        assertEquals(List.of("E1_SPAN0_ALARM:CRITICAL", "E1_SPAN0_L2_DOWN:MAJOR", "E1_SPAN0_ALARM:CLEARED"), codes());

        sent.clear();
        monitor.check(snapshot("OFFLINE", List.of(), true, List.of("20261123-080000-0001"), "WARN"));
        assertEquals(List.of("BOARD_DOWN:CRITICAL", "RECORDING_COVERAGE:MAJOR", "RECORDING_STORAGE:WARNING",
                "E1_SPAN0_L2_DOWN:CLEARED"), codes());
        assertEquals(Map.of("calls", List.of("20261123-080000-0001")), sent.get(1).details());

        sent.clear();
        monitor.check(snapshot("ONLINE", List.of(), true, List.of(), "FULL"));
        assertEquals(List.of("RECORDING_STORAGE:CRITICAL", "BOARD_DOWN:CLEARED", "RECORDING_COVERAGE:CLEARED"), codes());
    }

    private static BoxSnapshot restart(boolean unacknowledged) {
        BoxSnapshot s = snapshot("ONLINE", List.of(), true, List.of(), "OK");
        return new BoxSnapshot(T, T, s.board(), List.of(new BoxSnapshot.Span(0, true, true, true, List.of(), 0, 30, 0,
                unacknowledged, Map.of(44, 2L))), List.of(), List.of(), List.of(), List.of(), s.recording(), new BoxSnapshot.Uplink(io.branchbox.firmware.uplink.UplinkState.CONNECTED, 0));
    }

    @Test
    void anUnacknowledgedRestartIsAMajorAlarmUntilARestartIsAcknowledgedAgain() {
        monitor.setSink(sent::add);
        monitor.check(restart(false));
        monitor.check(restart(true));
        monitor.check(restart(true));
        monitor.check(restart(false));
        assertEquals(List.of("E1_SPAN0_RESTART_UNACKNOWLEDGED:MAJOR", "E1_SPAN0_RESTART_UNACKNOWLEDGED:CLEARED"), codes());
    }
}
