package io.branchbox.firmware.isdn.q931;

/** The enums shared by the party-number elements (calling, called, connected). */
public final class NumberFields {
    private NumberFields() {}

    /** Type of number, octet 3 bits 7-5. */
    public enum TypeOfNumber {
        UNKNOWN(0), INTERNATIONAL(1), NATIONAL(2), NETWORK_SPECIFIC(3), SUBSCRIBER(4), ABBREVIATED(6);

        private final int code;

        TypeOfNumber(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static TypeOfNumber fromCode(int code) {
            for (TypeOfNumber t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Numbering plan identification, octet 3 bits 4-1. */
    public enum NumberingPlan {
        UNKNOWN(0), ISDN_E164(1), DATA_X121(3), TELEX_F69(4), NATIONAL(8), PRIVATE(9);

        private final int code;

        NumberingPlan(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static NumberingPlan fromCode(int code) {
            for (NumberingPlan p : values()) {
                if (p.code == code) {
                    return p;
                }
            }
            return null;
        }
    }

    /** Presentation indicator, octet 3a bits 7-6. */
    public enum Presentation {
        ALLOWED(0), RESTRICTED(1), NOT_AVAILABLE(2);

        private final int code;

        Presentation(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Presentation fromCode(int code) {
            return code < 3 ? values()[code] : null;
        }
    }

    /** Screening indicator, octet 3a bits 2-1. */
    public enum Screening {
        USER_NOT_SCREENED(0), USER_VERIFIED_PASSED(1), USER_VERIFIED_FAILED(2), NETWORK_PROVIDED(3);

        private final int code;

        Screening(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Screening fromCode(int code) {
            return values()[code & 0x03];
        }
    }
}
