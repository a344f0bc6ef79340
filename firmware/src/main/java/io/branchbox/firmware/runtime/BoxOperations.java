package io.branchbox.firmware.runtime;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.firmware.trunk.fxo.LineCapture;
import io.branchbox.firmware.trunk.outbound.OutboundRequest;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The longer operations behind {@link BoxRuntime}'s API, each posted to the engine's signalling
 * thread: a document applied live, channel blocks, outbound dialling, prompts recorded by phone,
 * analog line captures. Stateless.
 */
final class BoxOperations {
    private static final Logger log = LoggerFactory.getLogger(BoxOperations.class);

    private BoxOperations() {}

    /** {@link BoxRuntime#apply}'s live part on signalling; {@code publish} makes {@code next} the runtime's document there. */
    static CompletableFuture<ConfigApplyPlan> apply(BoxEngine e, BoxConfig before, BoxConfig next,
            Consumer<BoxConfig> publish) {
        ConfigApplyPlan plan = ConfigApplyPlan.between(before, next);
        CompletableFuture<ConfigApplyPlan> done = new CompletableFuture<>();
        e.signalling.execute(() -> {
            try {
                publish.accept(next);
                e.calls.reconfigure(next);
                e.prompts.setActiveSet(next.ivr().promptSet());
                e.recordingSupervisor.setRetentionDays(next.recording().retentionDays());
                log.info("configuration revision {} applied: live {}, after a restart {}", next.revision(), plan.live(),
                        plan.restart());
                done.complete(plan);
            } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
            }
        });
        return done;
    }

    static void block(BoxEngine e, int span, int timeslot, String reason) {
        e.signalling.execute(() -> e.trunks.channelBlocks.block(span, timeslot, reason));
    }

    static void unblock(BoxEngine e, int span, int timeslot) {
        e.signalling.execute(() -> e.trunks.channelBlocks.unblock(span, timeslot));
    }

    static CompletableFuture<OutboundResult> dial(BoxEngine e, String callId, String number) {
        if (e.trunks.dialer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no PRI span is configured"));
        }
        return e.trunks.dialer.dial(OutboundRequest.of(callId, number, null));
    }

    static CompletableFuture<Void> recordPrompt(BoxEngine e, int seat, String set, String name) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        e.signalling.execute(() -> {
            try {
                e.promptByPhone.start(seat, set, name);
                f.complete(null);
            } catch (RuntimeException ex) {
                f.completeExceptionally(ex);
            }
        });
        return f;
    }

    static CompletableFuture<Long> stopPromptRecording(BoxEngine e, int seat) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        e.signalling.execute(() -> e.promptByPhone.stop(seat).whenComplete((ms, err) -> {
            if (err != null) {
                f.completeExceptionally(err instanceof CompletionException ? err.getCause() : err);
            } else {
                f.complete(ms);
            }
        }));
        return f;
    }

    static Path captureLine(BoxEngine e, Path dataDir, int port, Duration duration) throws IOException {
        FxoLine line = e.trunks.fxoLines.stream().filter(l -> l.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no FXO line on port " + port));
        Path dir = Files.createDirectories(dataDir.resolve("captures"));
        String stamp = LocalDateTime.now(e.signalling.clock()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        LineCapture capture = LineCapture.start(dir.resolve("fxo" + port + "-" + stamp + ".wav"), e.signalling);
        line.setObserver(capture);
        log.info("capturing FXO line {} for {} s to {}", port, duration.toSeconds(), capture.wavPath());
        e.signalling.schedule(duration, () -> {
            line.setObserver(null);
            try {
                capture.close();
            } catch (IOException ex) {
                log.warn("line capture {} did not close cleanly: {}", capture.wavPath(), ex.getMessage());
            }
        });
        return capture.wavPath();
    }
}
