package io.branchbox.firmware.runtime;

import io.branchbox.firmware.call.CallControlPorts;
import io.branchbox.firmware.recording.Recording;
import io.branchbox.firmware.recording.RecordingService;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Call control's recorder port on the {@link RecordingService}: the received frame of the trunk
 * channel is the caller (left), the frame the box sent back is the box or agent (right).
 */
final class RecorderPort implements CallControlPorts.Recorder {
    private final RecordingService service;
    private final java.nio.file.Path root;

    RecorderPort(RecordingService service, java.nio.file.Path root) {
        this.service = service;
        this.root = root;
    }

    @Override
    public CallControlPorts.Session start(String callId, Instant startedAt) {
        Recording r = service.start(callId, startedAt);
        return new CallControlPorts.Session() {
            @Override
            public void frame(byte[] rx, int rxOff, byte[] tx, int txOff) {
                r.write(rx, rxOff, tx, txOff);
            }

            @Override
            public CompletableFuture<CallControlPorts.Result> finish() {
                return r.finish().thenApply(res -> new CallControlPorts.Result(
                        root.relativize(res.file()).toString(), res.durationMs(), res.sha256()));
            }
        };
    }
}
