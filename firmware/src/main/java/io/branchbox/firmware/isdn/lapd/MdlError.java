package io.branchbox.firmware.isdn.lapd;

/**
 * The MDL-ERROR indication codes of Q.921 (appendix II, table II.1), which LAPD reports to layer
 * management; the box counts and logs them per code.
 */
public enum MdlError {
    A("unsolicited supervisory response (F=1)"),
    B("unsolicited DM response (F=1)"),
    C("unsolicited UA response (F=1)"),
    D("unsolicited UA response (F=0)"),
    E("DM response (F=0) received"),
    F("peer initiated re-establishment (SABME)"),
    G("SABME unanswered after N200 retransmissions"),
    H("DISC unanswered after N200 retransmissions"),
    I("status enquiry unanswered after N200 retransmissions"),
    J("N(R) error"),
    K("FRMR response received"),
    L("frame with undefined control field"),
    M("information field not permitted"),
    N("frame with wrong size"),
    O("information field longer than N201");

    private final String description;

    MdlError(String description) {
        this.description = description;
    }

    /** Words for the log, e.g. "N(R) error". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "MDL-ERROR " + name() + " (" + description + ")";
    }
}
