package io.branchbox.firmware.runtime;

import io.branchbox.drivers.gpio.FrontPanel;
import io.branchbox.drivers.gpio.LedModes;
import io.branchbox.firmware.uplink.UplinkState;

/** Turns a {@link BoxSnapshot} into the four front-panel lamps, with the datasheet's meanings. */
final class FrontPanelState {
    private FrontPanelState() {}

    static void apply(FrontPanel panel, BoxSnapshot s) {
        boolean boardOnline = "ONLINE".equals(s.board().state());
        panel.setPower(LedModes.power(!boardOnline, false));
        boolean anyConfigured = s.spans().stream().anyMatch(BoxSnapshot.Span::configured);
        boolean allUp = !s.spans().isEmpty() && s.spans().stream().allMatch(BoxSnapshot.Span::layer1Up);
        boolean anyAlarm = s.spans().stream().anyMatch(sp -> !sp.alarms().isEmpty());
        panel.setTrunk(LedModes.trunk(anyConfigured, allUp, anyAlarm));
        BoxSnapshot.Uplink up = s.uplink();
        panel.setUplink(LedModes.uplink(up.state() == UplinkState.CONNECTED, up.state() == UplinkState.CONNECTING,
                up.queued() > 0));
        boolean nearlyFull = !"OK".equals(s.recording().storageLevel()) && !"UNKNOWN".equals(s.recording().storageLevel());
        boolean fault = !s.recording().lastError().isEmpty() || !s.recording().coverageGaps().isEmpty()
                || s.recording().framesLost() > 0;
        panel.setRecording(LedModes.recording(true, fault, nearlyFull));
    }
}
