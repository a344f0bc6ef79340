package io.branchbox.firmware.isdn.q931;

/**
 * Bearer capability (identifier 0x04): what the B-channel carries. The box only offers and accepts
 * circuit-mode 64 kbit/s calls; {@code layer1} is the user-information layer-1 protocol, or null
 * when octet 5 is absent (unrestricted digital).
 */
public record BearerCapability(Capability capability, Layer1 layer1) implements InformationElement {

    public static final int ID = 0x04;

    /** Speech, G.711 A-law: what a European PRI telephone call carries. */
    public static BearerCapability speechALaw() {
        return new BearerCapability(Capability.SPEECH, Layer1.G711_A_LAW);
    }

    @Override
    public int identifier() {
        return ID;
    }

    /** Information transfer capability, octet 3 bits 5-1. */
    public enum Capability {
        SPEECH(0x00), UNRESTRICTED_DIGITAL(0x08), RESTRICTED_DIGITAL(0x09), AUDIO_3_1_KHZ(0x10),
        UNRESTRICTED_DIGITAL_WITH_TONES(0x11), VIDEO(0x18);

        private final int code;

        Capability(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public boolean isVoice() {
            return this == SPEECH || this == AUDIO_3_1_KHZ;
        }

        static Capability fromCode(int code) {
            for (Capability c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            return null;
        }
    }

    /** User information layer 1 protocol, octet 5 bits 5-1. */
    public enum Layer1 {
        V110(0x01), G711_MU_LAW(0x02), G711_A_LAW(0x03), G721(0x04), H221(0x05), NON_CCITT(0x07),
        V120(0x08), X31(0x09);

        private final int code;

        Layer1(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Layer1 fromCode(int code) {
            for (Layer1 l : values()) {
                if (l.code == code) {
                    return l;
                }
            }
            return null;
        }
    }
}
