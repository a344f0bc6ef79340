package io.branchbox.drivers.cb1.msg;

/** FXO_HOOK {@code state}: the hook relay position the host asks for. */
public enum HookState {
    ON_HOOK(0),
    OFF_HOOK(1),
    /** A hook flash of {@code flash_ms} milliseconds. */
    FLASH(2);

    private final int code;

    HookState(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The constant with wire code {@code code}, or {@code null} if the datasheet defines none. */
    public static HookState of(int code) {
        for (HookState v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
