package io.branchbox.firmware.isdn.q931;

/** Display (identifier 0x28): IA5 text for a terminal's display, at most 82 characters (EN 300 403). */
public record Display(String text) implements InformationElement {

    public static final int ID = 0x28;
    public static final int MAX_LENGTH = 82;

    @Override
    public int identifier() {
        return ID;
    }
}
