package io.branchbox.firmware.isdn.q931;

/** Restart indicator (identifier 0x79): which channels a RESTART concerns. */
public record RestartIndicator(RestartClass restartClass) implements InformationElement {

    public static final int ID = 0x79;

    @Override
    public int identifier() {
        return ID;
    }

    /** Class, octet 3 bits 3-1. */
    public enum RestartClass {
        /** The channels named in the accompanying channel identification. */
        INDICATED_CHANNELS(0b000),
        /** Every channel of the interface carrying this D-channel. */
        SINGLE_INTERFACE(0b110),
        /** Every interface controlled by this D-channel (NFAS). */
        ALL_INTERFACES(0b111);

        private final int code;

        RestartClass(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static RestartClass fromCode(int code) {
            for (RestartClass c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            return null;
        }
    }
}
