package io.branchbox.firmware.trunk.outbound;

/**
 * Turns a number as people dial it in China into the digits of the Q.931 called party number.
 *
 * <p>The box sends the number with type of number "unknown" and plan ISDN/E.164, because that is
 * what {@link io.branchbox.firmware.isdn.q931.Q931Layer#placeCall} sends. With type "unknown" a
 * Chinese network reads the digits exactly as a subscriber dials them, so the trunk prefix stays:
 * "010 1234 5678" goes out as 01012345678, a mobile 13812345678 as is, a local number as is,
 * "00..." international as is. Only what a phone could not dial is rewritten: separators (space,
 * '-', '.', parentheses) are dropped, and a leading "+" becomes the dialled form ("+86" is home:
 * national form with the trunk prefix "0" except for mobiles; another country gets "00").
 * Sending national type with the "0" stripped would need a placeCall that takes a type of number.
 *
 * <p>Thread-safe: stateless.
 */
public final class DialledNumbers {
    /** Longest digit string accepted: "00" plus a 15-digit E.164 number, plus room for codes. */
    public static final int MAX_DIGITS = 24;

    private DialledNumbers() {}

    /**
     * The called party digits for {@code dialled}.
     *
     * @throws IllegalArgumentException if the number is empty, too long or has other characters
     *     than digits, '*', '#' (a leading '+' and separators aside)
     */
    public static String toCalledDigits(String dialled) {
        StringBuilder b = new StringBuilder(dialled.length());
        for (int i = 0; i < dialled.length(); i++) {
            char c = dialled.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                continue;
            }
            if (c == '+' && b.isEmpty()) {
                b.append(c);
            } else if (c >= '0' && c <= '9' || c == '*' || c == '#') {
                b.append(c);
            } else {
                throw new IllegalArgumentException("character '" + c + "' cannot be dialled: " + dialled);
            }
        }
        String digits = b.toString();
        if (digits.startsWith("+")) {
            digits = fromInternational(digits.substring(1));
        }
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("number must have 1-" + MAX_DIGITS + " digits: '" + dialled + "'");
        }
        return digits;
    }

    private static String fromInternational(String n) {
        if (!n.startsWith("86")) {
            return n.isEmpty() ? n : "00" + n;
        }
        String national = n.substring(2);
        boolean mobile = national.length() == 11 && national.charAt(0) == '1';
        return mobile || national.isEmpty() ? national : "0" + national;
    }
}
