package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.ChanClose;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.firmware.call.CallControlPorts;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call control's channel port on the CB-1: CHAN_OPEN and CHAN_CLOSE with acknowledgement.
 *
 * <p>Thread-safe: the board link's command method is.
 */
final class BoardChannels implements CallControlPorts.Channels {
    private static final Logger log = LoggerFactory.getLogger(BoardChannels.class);
    private final BoardLink link;

    BoardChannels(BoardLink link) {
        this.link = link;
    }

    @Override
    public CompletableFuture<Void> open(int unit, int chan) {
        return link.command(new ChanOpen(0, unit, chan)).thenCompose(status -> status == AckStatus.OK
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("board refused CHAN_OPEN: " + status)));
    }

    @Override
    public void close(int unit, int chan) {
        link.command(new ChanClose(0, unit, chan)).whenComplete((status, err) -> {
            if (err != null || status != AckStatus.OK) {
                log.warn("CHAN_CLOSE unit 0x{} chan {} not acknowledged: {}", Integer.toHexString(unit), chan,
                        err != null ? err.getMessage() : status);
            }
        });
    }
}
