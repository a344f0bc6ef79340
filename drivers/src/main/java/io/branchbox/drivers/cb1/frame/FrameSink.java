package io.branchbox.drivers.cb1.frame;

/**
 * Receives the unstuffed content of each good frame from {@link HdlcDecoder}: header and body,
 * without flags and without the FCS.
 *
 * <p>Threading: called on the thread that calls {@link HdlcDecoder#feed}, once per good frame,
 * in wire order.
 *
 * <p>Pitfall: {@code content} is the decoder's own reusable buffer. The bytes are valid only
 * during the call; the next frame overwrites them. An implementation that keeps anything must
 * decode or copy it before returning. An exception thrown here propagates out of {@code feed};
 * the decoder stays consistent, but the rest of that {@code feed} call's input is not processed.
 */
@FunctionalInterface
public interface FrameSink {

    /** One good frame's content: {@code len} bytes (4..1100) of {@code content} from {@code off}. */
    void onFrame(byte[] content, int off, int len);
}
