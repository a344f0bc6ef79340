package io.branchbox.firmware.isdn.q931;

/**
 * Whether the network's call state (from STATUS) fits ours (Q.931 5.8.11). States in the same
 * phase are compatible because messages may be in flight; so are the clearing states with every
 * other state.
 */
final class StateCompatibility {
    private StateCompatibility() {}

    private enum Phase { OUTGOING_SETUP, INCOMING_SETUP, ACTIVE, CLEARING, OTHER }

    static boolean compatible(int user, int network) {
        Phase u = phase(user);
        Phase n = phase(network);
        if (u == n || u == Phase.CLEARING || n == Phase.CLEARING) {
            return true;
        }
        // CONNECT or CONNECT ACKNOWLEDGE may be in flight
        return (user == 10 && (network == 4 || network == 8)) || (network == 10 && (user == 4 || user == 8));
    }

    private static Phase phase(int state) {
        return switch (state) {
            case 1, 2, 3, 4 -> Phase.OUTGOING_SETUP;
            case 6, 7, 8, 9, 25 -> Phase.INCOMING_SETUP;
            case 10 -> Phase.ACTIVE;
            case 11, 12, 19 -> Phase.CLEARING;
            default -> Phase.OTHER;
        };
    }
}
