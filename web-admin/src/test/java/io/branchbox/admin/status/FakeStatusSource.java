package io.branchbox.admin.status;

import java.util.List;
import java.util.Map;

/** A box with one E1 span, one call in a queue and one agent; values chosen to be recognizable on the page. */
public final class FakeStatusSource implements BoxStatusSource {
    public static final String SERIAL = "CB1-TEST-0042";

    private volatile StatusView view = sample();
    private volatile RuntimeException failure;

    @Override
    public StatusView snapshot() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
        return view;
    }

    /** Makes every later snapshot throw {@code e}, like a core that broke. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    public void set(StatusView next) {
        view = next;
    }

    public static StatusView sample() {
        return new StatusView(
                new StatusView.Board("running", null, SERIAL, "2.1.0", Map.of("crcErrors", 3L, "resets", 0L)),
                List.of(new StatusView.Span(1, true, List.of(), true, 1, 29, 0, Map.of("44", 2L, "96", 1L)),
                        new StatusView.Span(2, false, List.of("LOS"), false, 0, 0, 30)),
                List.of(new StatusView.Call("c-17", "E1-1/5", "95598", "QUEUED", "repairs", null, 1_767_225_600_000L)),
                List.of(new StatusView.Queue("repairs", 1, 12)),
                List.of(new StatusView.Agent("a-3", "Li Wei", "seat-3", "READY", 1_767_225_000_000L)),
                new StatusView.Recording(true, 99.5, 52_428_800_000L),
                new StatusView.Uplink("connected", 2),
                3_600L,
                Map.of("firmware", "0.1.0"),
                1_767_225_612_000L,
                // span 2 lost its signal an hour and 12 s before the snapshot
                List.of(new StatusView.Alarm("E1_SPAN2_ALARM", "CRITICAL", "E1 span 2 alarm: LOS", 1_767_222_000_000L)));
    }
}
