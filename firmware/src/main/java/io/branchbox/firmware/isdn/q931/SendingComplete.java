package io.branchbox.firmware.isdn.q931;

/** Sending complete (single-octet element 0xA1): the called number is complete. */
public record SendingComplete() implements InformationElement {

    public static final int ID = 0xA1;

    @Override
    public int identifier() {
        return ID;
    }
}
