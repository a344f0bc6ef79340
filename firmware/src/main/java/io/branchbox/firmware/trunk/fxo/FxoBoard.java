package io.branchbox.firmware.trunk.fxo;

import io.branchbox.drivers.cb1.msg.HookState;
import java.util.concurrent.CompletableFuture;

/**
 * What an {@link FxoLine} needs of the CB-1 board: the hook relay, its audio channel, and a way to
 * put DTMF on the line when dialling.
 *
 * <p>The production implementation sends FXO_HOOK / CHAN_OPEN / CHAN_CLOSE with a sequence number
 * and completes the future on the board's ACK (exceptionally on a non-OK status or after the
 * resend limit of datasheet section 5). Threading: called on the signalling thread; the futures
 * may complete on any thread, {@link FxoLine} moves their results back to its scheduler.
 */
public interface FxoBoard {

    /** FXO_HOOK for {@code port}; completes when the relay has switched (ACK OK). */
    CompletableFuture<Void> sendHook(int port, HookState state, int flashMs);

    /** CHAN_OPEN on the port: line audio starts, on-hook too (caller ID). */
    void openChannel(int port);

    /** CHAN_CLOSE on the port. */
    void closeChannel(int port);

    /** One 20 ms frame (160 A-law bytes) towards the line; the array may be reused after return. */
    void sendAudio(int port, byte[] frame160);
}
