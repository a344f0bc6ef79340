package io.branchbox.box;

import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.status.StatusView;
import io.branchbox.firmware.recording.FreeSpace;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The web admin's live status from the box's last snapshot. Never blocks: the snapshot is an
 * immutable value refreshed twice a second on the signalling thread.
 */
final class SnapshotStatus implements BoxStatusSource {
    private final BoxRuntime box;
    private final String version;

    SnapshotStatus(BoxRuntime box, String version) {
        this.box = box;
        this.version = version;
    }

    @Override
    public StatusView snapshot() {
        BoxSnapshot s = box.snapshot();
        return new StatusView(
                new StatusView.Board(s.board().state(), s.board().reason(), s.board().serial(), s.board().firmware(),
                        s.board().counters()),
                s.spans().stream().map(SnapshotStatus::span).toList(),
                s.calls().stream().map(c -> new StatusView.Call(c.callId(), c.trunk(), c.caller(), c.state(), c.queue(),
                        c.agent(), c.since().toEpochMilli())).toList(),
                s.queues().stream().map(q -> new StatusView.Queue(q.name(), q.waiting(), q.longestWaitS(), q.offeredToday(),
                        q.answeredToday(), q.abandonedToday(), q.serviceLevelPercent())).toList(),
                s.agents().stream().map(a -> new StatusView.Agent(a.id(), a.name(), a.seat() == 0 ? null : String.valueOf(a.seat()),
                        a.state(), a.since().toEpochMilli())).toList(),
                new StatusView.Recording(s.recording().healthy(), s.recording().coveragePercent(), freeBytes()),
                new StatusView.Uplink(s.uplink().state().name(), (int) Math.min(Integer.MAX_VALUE, s.uplink().queued())),
                Duration.between(s.startedAt(), s.takenAt()).toSeconds(),
                Map.of("firmware", version, "board", s.board().firmware()),
                s.takenAt().toEpochMilli(),
                box.activeAlarms().stream().map(a -> new StatusView.Alarm(a.code(), a.severity().name(), a.text(),
                        a.since().toEpochMilli())).toList());
    }

    private long freeBytes() {
        try {
            return FreeSpace.of(box.dataDir()).usableBytes();
        } catch (IOException e) {
            return -1;
        }
    }

    /** A span as the status page shows it; an ignored RESTART shows among its alarms. */
    private static StatusView.Span span(BoxSnapshot.Span sp) {
        java.util.List<String> alarms = new java.util.ArrayList<>(sp.alarms());
        if (sp.restartUnacknowledged()) {
            alarms.add("RESTART_UNACKNOWLEDGED");
        }
        java.util.Map<String, Long> refusals = new java.util.TreeMap<>();
        sp.refusals().forEach((cause, n) -> refusals.put(String.valueOf(cause), n));
        return new StatusView.Span(sp.span(), sp.configured(), alarms, sp.layer2Up(), sp.busy(), sp.idle(),
                sp.blocked(), refusals);
    }
}
