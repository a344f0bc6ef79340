package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.CallControlPorts;

/**
 * Call control's seats on the CB-1 board: seat {@code n} (from 1) is headset port {@code n - 1},
 * addressed as the datasheet says ({@link Units#headset}, which refuses a seat beyond the board's
 * {@link Units#MAX_HEADSETS}). Stateless, any thread.
 */
final class BoardSeats implements CallControlPorts.Seats {
    @Override
    public int headsetUnit(int seat) {
        return Units.headset(seat - 1);
    }
}
