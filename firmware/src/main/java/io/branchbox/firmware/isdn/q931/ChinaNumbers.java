package io.branchbox.firmware.isdn.q931;

/**
 * Shows numbers received on a trunk the way people in China dial them, for screens and call
 * records.
 *
 * <p>The network sends digits with a Q.931 type of number. A national number carries no trunk
 * prefix: fixed-line numbers get "0" in front (area code 10 → "010…"), mobile numbers (11 digits
 * starting with 1) are dialled without it. An international number from China (country code 86)
 * becomes its national form; any other country gets the international prefix "00". Subscriber
 * (local) and unknown numbers are shown as received, minus stray prefixes the network already
 * added. Thread-safe: stateless.
 */
public final class ChinaNumbers {
    /** Q.931 type-of-number codepoints (octet 3 bits 7-5). */
    public static final int UNKNOWN = 0;
    public static final int INTERNATIONAL = 1;
    public static final int NATIONAL = 2;
    public static final int SUBSCRIBER = 4;

    private static final String COUNTRY_CODE = "86";
    private static final String INTERNATIONAL_PREFIX = "00";
    private static final String TRUNK_PREFIX = "0";

    private ChinaNumbers() {}

    /** The number as dialled from a phone in China; "" for an absent number. */
    public static String display(int typeOfNumber, String digits) {
        if (digits == null || digits.isEmpty()) {
            return "";
        }
        return switch (typeOfNumber) {
            case INTERNATIONAL -> digits.startsWith(COUNTRY_CODE)
                    ? national(digits.substring(COUNTRY_CODE.length()))
                    : INTERNATIONAL_PREFIX + digits;
            case NATIONAL -> national(digits);
            default -> digits;
        };
    }

    private static String national(String n) {
        if (isMobile(n) || n.startsWith(TRUNK_PREFIX)) {
            return n;
        }
        return TRUNK_PREFIX + n;
    }

    /** Chinese mobile numbers: 11 digits starting with 1, dialled without the trunk prefix. */
    static boolean isMobile(String n) {
        return n.length() == 11 && n.charAt(0) == '1';
    }
}
