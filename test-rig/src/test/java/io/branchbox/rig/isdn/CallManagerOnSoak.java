package io.branchbox.rig.isdn;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.call.CallControlPorts;
import io.branchbox.firmware.call.CallManager;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The box's real call control for the PRI soak: {@link CallManager} answering every call and
 * journaling it, with the board's channels always opening and no audio (so callers wait in the
 * greeting until they hang up). The journal is the real one, in virtual time.
 */
final class CallManagerOnSoak implements PriSoak.BoxCallControl, AutoCloseable {
    final EventJournal journal;
    private final CallManager calls;

    CallManagerOnSoak(ManualScheduler scheduler, Path dir) {
        try {
            journal = EventJournal.open(dir.resolve("journal"), scheduler.clock());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BoxConfig factory = ConfigDocuments.defaults();
        // nothing is recorded in the soak: no recording from the answer (the factory records the IVR)
        BoxConfig config = factory.withRecording(new BoxConfig.Recording(factory.recording().directory(),
                factory.recording().retentionDays(), false));
        calls = new CallManager(config, scheduler, new Acd(config.queues(), scheduler.clock()),
                new AudioRouter((unit, chan, frameNo, alaw, off) -> { }), new CallControlPorts.Channels() {
                    @Override
                    public CompletableFuture<Void> open(int unit, int chan) {
                        return CompletableFuture.completedFuture(null);
                    }

                    @Override
                    public void close(int unit, int chan) {}
                },
                seat -> io.branchbox.drivers.cb1.msg.Units.headset(seat - 1),
                (callId, at) -> {
                    throw new IllegalStateException("no agent answers in the soak, so nothing is recorded");
                },
                (type, callId, agentId, queue, attrs) -> journal.append(type, callId, agentId, queue, attrs),
                (seat, ready, call) -> { }, new Prompts(dir.resolve("prompts")));
    }

    @Override
    public void incoming(TrunkCall call) {
        calls.onIncoming(call);
    }

    @Override
    public void cleared(TrunkCall call, int cause) {
        calls.onTrunkCleared(call, Q850Cause.of(cause));
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
