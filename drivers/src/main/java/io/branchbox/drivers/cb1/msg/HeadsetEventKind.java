package io.branchbox.drivers.cb1.msg;

/** HEADSET_EVENT {@code event}: headset jack plug detection. */
public enum HeadsetEventKind {
    PLUGGED(1),
    UNPLUGGED(2);

    private final int code;

    HeadsetEventKind(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The constant with wire code {@code code}, or {@code null} if the datasheet defines none. */
    public static HeadsetEventKind of(int code) {
        for (HeadsetEventKind v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
