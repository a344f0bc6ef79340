package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.Cb1Message;

/**
 * What the board link tells the layers above it.
 *
 * <p>Threading: every method except {@link #onAudio} is called on the link's {@code Scheduler}
 * thread, so a listener whose state is confined to that same scheduler needs no locks.
 * {@link #onAudio} is called on the link's reader thread, up to 38 × 50 times a second: it must
 * copy what it needs and return without blocking, or it stalls every other received frame.
 */
public interface BoardListener {

    /** The first HELLO after {@code start()}: the board is up, with every channel closed. */
    void onBoardUp(BoardIdentity id);

    /**
     * Any later HELLO: the board reset, left host-lost, or came back after the device vanished or
     * a reset pulse. Every channel is closed, every FXO port on-hook and every span unconfigured:
     * the host must configure and open again. The identity may differ (a board was swapped).
     */
    void onBoardRestarted(BoardIdentity id);

    /** The board stopped answering or the device vanished; commands fail until it is back. */
    void onBoardDown(String reason);

    /** Every non-audio board-to-host message other than HELLO, PONG and ACK, which the link consumes. */
    void onMessage(Cb1Message m);

    /**
     * One received AUDIO frame: 160 A-law bytes at {@code buf[off, off+160)}, valid only during
     * the call.
     */
    void onAudio(int unit, int chan, int frameNo, byte[] buf, int off);
}
