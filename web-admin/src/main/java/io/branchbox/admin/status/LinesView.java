package io.branchbox.admin.status;

import java.util.List;

/**
 * The technician's view of the lines: every B-channel of every span, every analog line, and the
 * board's health in units a person reads. Plain records for Jackson.
 *
 * @param spans        configured spans, each with its B-channels
 * @param analog       configured analog (FXO) lines
 * @param temperatureC board temperature in °C, null before the board's first health report
 * @param supplyVolts  board supply in V, null before the board's first health report
 */
public record LinesView(List<SpanChannels> spans, List<AnalogLine> analog, Double temperatureC, Double supplyVolts) {
    public LinesView {
        spans = List.copyOf(spans);
        analog = List.copyOf(analog);
    }

    /** A span's B-channels: {@code channels} in timeslot order. */
    public record SpanChannels(int span, boolean layer2Up, List<String> alarms, List<Channel> channels) {
        public SpanChannels {
            alarms = List.copyOf(alarms);
            channels = List.copyOf(channels);
        }
    }

    /** One B-channel: its timeslot (1..15, 17..31) and state (IDLE, BUSY, BLOCKED, RESTARTING). */
    public record Channel(int timeslot, String state) {}

    /** One analog line: FXO port, its state machine's state, whether the exchange's line voltage is there. */
    public record AnalogLine(int port, String state, boolean lineUp) {}
}
