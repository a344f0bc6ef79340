package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.NumberFields.NumberingPlan;
import io.branchbox.firmware.isdn.q931.NumberFields.Presentation;
import io.branchbox.firmware.isdn.q931.NumberFields.Screening;
import io.branchbox.firmware.isdn.q931.NumberFields.TypeOfNumber;

/**
 * Calling party number (identifier 0x6C): the number of the party that placed the call. {@code presentation} and {@code screening} are null when
 * octet 3a is absent. Digits are IA5 characters 0-9, *, #.
 */
public record CallingPartyNumber(TypeOfNumber type, NumberingPlan plan, Presentation presentation,
        Screening screening, String digits) implements InformationElement {

    public static final int ID = 0x6C;

    /** An unknown-type ISDN number without octet 3a. */
    public static CallingPartyNumber of(String digits) {
        return new CallingPartyNumber(TypeOfNumber.UNKNOWN, NumberingPlan.ISDN_E164, null, null, digits);
    }

    @Override
    public int identifier() {
        return ID;
    }
}
