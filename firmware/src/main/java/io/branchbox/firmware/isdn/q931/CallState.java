package io.branchbox.firmware.isdn.q931;

/**
 * Call state (identifier 0x14): the sender's state as a number, as sent in STATUS. Values are the
 * state numbers (0 null, 10 active, ...; restart states 61 Rest 1, 62 Rest 2).
 */
public record CallState(int codingStandard, int value) implements InformationElement {

    public static final int ID = 0x14;

    public static CallState of(int value) {
        return new CallState(0, value);
    }

    @Override
    public int identifier() {
        return ID;
    }
}
