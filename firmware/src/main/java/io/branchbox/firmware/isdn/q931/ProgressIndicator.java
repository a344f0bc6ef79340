package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.Cause.Location;

/**
 * Progress indicator (identifier 0x1E): interworking and in-band information. {@code description}
 * is the 7-bit progress description, e.g. {@link #IN_BAND_AVAILABLE}.
 */
public record ProgressIndicator(int codingStandard, Location location, int description) implements InformationElement {

    public static final int ID = 0x1E;
    public static final int NOT_END_TO_END_ISDN = 1;
    public static final int DESTINATION_NOT_ISDN = 2;
    public static final int ORIGINATION_NOT_ISDN = 3;
    public static final int RETURNED_TO_ISDN = 4;
    public static final int IN_BAND_AVAILABLE = 8;

    @Override
    public int identifier() {
        return ID;
    }
}
