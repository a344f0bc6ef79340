package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.msg.Units;

/** A channel on the simulated board: unit byte and chan byte as in the datasheet header. */
public record ChannelId(int unit, int chan) {

    @Override
    public String toString() {
        return Units.name(unit) + "/" + chan;
    }
}
