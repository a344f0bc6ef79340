package io.branchbox.firmware.isdn.lapd;

/**
 * Which end of the D-channel a {@link LapdLink} plays; it decides only the sense of the C/R bit.
 *
 * <p>Q.921 table 1 (section 3.3.2): commands sent by the user side carry C/R = 0 and responses
 * C/R = 1; the network side sends commands with C/R = 1 and responses with C/R = 0. So a frame
 * received by the user side is a command when its C/R bit is 1, and a frame received by the network
 * side is a command when its C/R bit is 0. Getting this backwards makes the peer treat every poll
 * as a final bit and the link never settles.
 *
 * <p>The box is always {@link #USER}; {@link #NETWORK} is for the carrier simulator in test-rig.
 */
public enum Role {
    /** The customer premises side (the box on a PRI). Commands C/R = 0, responses C/R = 1. */
    USER(false),
    /** The exchange side (the carrier, or its simulator). Commands C/R = 1, responses C/R = 0. */
    NETWORK(true);

    private final boolean commandCr;

    Role(boolean commandCr) {
        this.commandCr = commandCr;
    }

    /** The C/R bit this side puts in the commands it sends. */
    public boolean commandCr() {
        return commandCr;
    }

    /** The C/R bit this side puts in the responses it sends. */
    public boolean responseCr() {
        return !commandCr;
    }

    /** Whether a frame this side received with C/R bit {@code cr} is a command from its peer. */
    public boolean isCommandFromPeer(boolean cr) {
        return cr != commandCr;
    }

    /** The role at the other end of the link. */
    public Role peer() {
        return this == USER ? NETWORK : USER;
    }
}
