package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.ChanClose;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.firmware.call.CallControlPorts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's audio channels for everyone who needs them: CHAN_OPEN and CHAN_CLOSE with
 * acknowledgement, counted per channel, because an FXO line opens its channel for caller ID while
 * call control opens the same channel for the call. The board sees one CHAN_OPEN when the first
 * user opens and one CHAN_CLOSE when the last one closes.
 *
 * <p>Thread-safe; {@link #reset} after a board restart (the board closed everything).
 */
final class BoardChannels implements CallControlPorts.Channels {
    private static final Logger log = LoggerFactory.getLogger(BoardChannels.class);
    private final BoardLink link;
    private final Map<Integer, Integer> users = new HashMap<>();
    private final Map<Integer, CompletableFuture<Void>> opening = new HashMap<>();

    BoardChannels(BoardLink link) {
        this.link = link;
    }

    @Override
    public synchronized CompletableFuture<Void> open(int unit, int chan) {
        int key = unit << 8 | chan;
        int n = users.merge(key, 1, Integer::sum);
        if (n > 1) {
            return opening.get(key);
        }
        CompletableFuture<Void> f = link.command(new ChanOpen(0, unit, chan)).thenCompose(status -> status == AckStatus.OK
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("board refused CHAN_OPEN: " + status)));
        opening.put(key, f);
        return f;
    }

    /** Forgets every channel: the board restarted and closed them all itself. */
    synchronized void reset() {
        users.clear();
        opening.clear();
    }

    @Override
    public synchronized void close(int unit, int chan) {
        int key = unit << 8 | chan;
        Integer n = users.get(key);
        if (n == null) {
            return;
        }
        if (n > 1) {
            users.put(key, n - 1);
            return;
        }
        users.remove(key);
        opening.remove(key);
        link.command(new ChanClose(0, unit, chan)).whenComplete((status, err) -> {
            if (err != null || status != AckStatus.OK) {
                log.warn("CHAN_CLOSE unit 0x{} chan {} not acknowledged: {}", Integer.toHexString(unit), chan,
                        err != null ? err.getMessage() : status);
            }
        });
    }
}
