package io.branchbox.drivers.cb1.msg;

import java.util.StringJoiner;

/**
 * SPAN_STATUS (B&rarr;H): alarms and error counters of an E1 span, sent on every change of
 * {@code alarms} and every second while configured. The counters count since the board's last
 * reset and wrap at 2<sup>32</sup>, so consumers take differences modulo 2<sup>32</sup>. Alarm
 * bits the datasheet does not define are kept as received.
 */
public record SpanStatus(int seq, int unit, int chan, int alarms, long crcErrors, long slips, long bpv)
        implements Cb1Message {

    /** Loss of signal. */
    public static final int LOS = 0x01;
    /** Loss of frame (red alarm). */
    public static final int LOF = 0x02;
    /** Alarm indication signal (blue alarm). */
    public static final int AIS = 0x04;
    /** Remote alarm indication (yellow alarm). */
    public static final int RAI = 0x08;
    /** Loss of CRC-4 multiframe. */
    public static final int LOMF = 0x10;

    /** Alarms during which the board relays no D-channel frames. */
    public static final int LAYER1_DOWN_MASK = LOS | LOF | AIS;

    public SpanStatus {
        Fields.header(seq, unit, chan);
        Fields.u8("alarms", alarms);
        Fields.u32("crcErrors", crcErrors);
        Fields.u32("slips", slips);
        Fields.u32("bpv", bpv);
    }

    @Override
    public MessageType type() {
        return MessageType.SPAN_STATUS;
    }

    /** Whether any of the bits in {@code mask} is set. */
    public boolean has(int mask) {
        return (alarms & mask) != 0;
    }

    /** No alarm bit at all. */
    public boolean clear() {
        return alarms == 0;
    }

    /** None of LOS, LOF, AIS: the span can carry the D-channel (RAI and LOMF do not stop it). */
    public boolean layer1Up() {
        return !has(LAYER1_DOWN_MASK);
    }

    /** Alarm names for logs, e.g. "LOS|LOF", "none", unknown bits as hex. */
    public static String alarmNames(int alarms) {
        if (alarms == 0) {
            return "none";
        }
        StringJoiner j = new StringJoiner("|");
        String[] names = {"LOS", "LOF", "AIS", "RAI", "LOMF"};
        for (int i = 0; i < names.length; i++) {
            if ((alarms & (1 << i)) != 0) {
                j.add(names[i]);
            }
        }
        int rest = alarms & ~0x1F;
        if (rest != 0) {
            j.add(String.format("0x%02x", rest));
        }
        return j.toString();
    }
}
