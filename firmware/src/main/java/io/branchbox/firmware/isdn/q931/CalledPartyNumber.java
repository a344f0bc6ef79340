package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.NumberFields.NumberingPlan;
import io.branchbox.firmware.isdn.q931.NumberFields.TypeOfNumber;

/** Called party number (identifier 0x70): the number dialled. Digits are IA5 0-9, *, #. */
public record CalledPartyNumber(TypeOfNumber type, NumberingPlan plan, String digits) implements InformationElement {

    public static final int ID = 0x70;

    public static CalledPartyNumber of(String digits) {
        return new CalledPartyNumber(TypeOfNumber.UNKNOWN, NumberingPlan.ISDN_E164, digits);
    }

    @Override
    public int identifier() {
        return ID;
    }
}
