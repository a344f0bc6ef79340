package io.branchbox.box;

import io.branchbox.admin.status.LinesSource;
import io.branchbox.admin.status.LinesView;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxSnapshot;
import java.util.List;
import java.util.Map;

/** The lines view from the box's last snapshot and channel states; never blocks. */
final class SnapshotLines implements LinesSource {
    private final BoxRuntime box;

    SnapshotLines(BoxRuntime box) {
        this.box = box;
    }

    @Override
    public LinesView lines() {
        BoxSnapshot s = box.snapshot();
        Map<Integer, Map<Integer, String>> channels = box.channelStates();
        List<LinesView.SpanChannels> spans = s.spans().stream().map(sp -> new LinesView.SpanChannels(sp.span(),
                sp.layer2Up(), sp.alarms(), channels.getOrDefault(sp.span(), Map.of()).entrySet().stream()
                        .map(e -> new LinesView.Channel(e.getKey(), e.getValue())).toList())).toList();
        List<LinesView.AnalogLine> analog = s.fxo().stream()
                .map(f -> new LinesView.AnalogLine(f.port(), f.state(), f.lineUp())).toList();
        Long tenths = s.board().counters().get("temperatureTenthsC");
        Long mv = s.board().counters().get("supplyMillivolts");
        return new LinesView(spans, analog, tenths == null ? null : tenths / 10.0, mv == null ? null : mv / 1000.0);
    }
}
