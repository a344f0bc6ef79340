package io.branchbox.drivers.cb1.frame;

/**
 * A snapshot of what an {@link HdlcDecoder} has received since it was created.
 *
 * @param framesOk frames delivered to the sink
 * @param badFcs frames dropped because the FCS did not match
 * @param tooShort frames dropped with fewer than 4 content bytes (after removing the FCS)
 * @param tooLong frames dropped because the content grew past 1,100 bytes
 * @param aborted frames dropped because {@code 0x7D} came right before the closing flag
 * @param emptyFrames two flags in a row (not an error; counted for diagnostics only)
 */
public record DecoderCounters(
        long framesOk, long badFcs, long tooShort, long tooLong, long aborted, long emptyFrames) {

    /** Frames dropped for any reason; empty frames are not errors and not included. */
    public long dropped() {
        return badFcs + tooShort + tooLong + aborted;
    }
}
