package io.branchbox.rig.board;

/**
 * The far end of a simulated E1 span's D-channel: a carrier or exchange simulator running LAPD.
 *
 * <p>Threading: called on the simulator's core thread; must not block.
 */
@FunctionalInterface
public interface DChannelPeer {

    /** One LAPD frame (address through information, no flags or FCS) that the host sent. */
    void fromHost(byte[] lapd);
}
