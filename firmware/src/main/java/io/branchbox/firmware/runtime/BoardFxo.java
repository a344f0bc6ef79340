package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.FxoHook;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.trunk.fxo.FxoBoard;
import java.util.concurrent.CompletableFuture;

/**
 * The FXO lines' view of the CB-1: FXO_HOOK acknowledged when the relay has switched, the port's
 * audio channel (shared, counted, with call control) and line audio for dialling.
 *
 * <p>Threading: hook and channel calls on the signalling thread; {@link #sendAudio} on the audio
 * thread, allocation-free.
 */
final class BoardFxo implements FxoBoard {
    private final BoardLink link;
    private final BoardChannels channels;
    private final int[] frameNo = new int[Units.MAX_FXO];

    BoardFxo(BoardLink link, BoardChannels channels) {
        this.link = link;
        this.channels = channels;
    }

    @Override
    public CompletableFuture<Void> sendHook(int port, HookState state, int flashMs) {
        return link.command(new FxoHook(0, Units.fxo(port), 0, state, flashMs)).thenCompose(status -> status == AckStatus.OK
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("board refused FXO_HOOK: " + status)));
    }

    @Override
    public void openChannel(int port) {
        channels.open(Units.fxo(port), 0);
    }

    @Override
    public void closeChannel(int port) {
        channels.close(Units.fxo(port), 0);
    }

    @Override
    public void sendAudio(int port, byte[] frame160) {
        link.sendAudio(Units.fxo(port), 0, frameNo[port]++, frame160, 0);
    }
}
