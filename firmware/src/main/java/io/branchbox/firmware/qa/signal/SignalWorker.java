package io.branchbox.firmware.qa.signal;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.CallSource;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents.RecordingFinished;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes each agent-answered call's signals after its recording is finished, on its own
 * minimum-priority daemon thread {@code qa-signals}, and journals them through {@link QaService}.
 *
 * <p>The journal listener ({@link #accept}, on the journal writer) only queues the call id; a full
 * queue drops it (counted) and the start-up backlog ({@link #backlog}) picks it up after the next
 * restart. A recording that cannot be read is logged and skipped. Never touches the audio path.
 */
public final class SignalWorker implements Consumer<JournalEvent>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalWorker.class);
    private static final int QUEUE = 10_000;
    private static final String STOP = "";

    private final QaService qa;
    private final CallSource calls;
    private final Function<String, Optional<Path>> recordingOf;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>(QUEUE);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;

    /** {@code recordingOf}: the live recording file of a call, empty if none (deleted, never recorded). */
    public SignalWorker(QaService qa, CallSource calls, Function<String, Optional<Path>> recordingOf) {
        this.qa = qa;
        this.calls = calls;
        this.recordingOf = recordingOf;
        this.thread = new Thread(this::run, ThreadNames.QA_SIGNALS);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    @Override
    public void accept(JournalEvent e) {
        if (CallEventCodec.decode(e) instanceof RecordingFinished r) {
            enqueue(r.callId());
        }
    }

    /** Queues calls recorded before the worker ran (start-up) that have no signals yet. */
    public void backlog(Collection<String> callIds) {
        callIds.stream().filter(id -> !qa.book().hasSignals(id)).forEach(this::enqueue);
    }

    /** Calls whose signals were journaled. */
    public long done() {
        return done.get();
    }

    private void enqueue(String callId) {
        if (!queue.offer(callId)) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        SignalAnalyzer analyzer = new SignalAnalyzer();
        while (true) {
            String callId;
            try {
                callId = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (callId.equals(STOP)) {
                return;
            }
            try {
                Optional<CallFacts> call = calls.call(callId);
                Optional<Path> file = recordingOf.apply(callId);
                if (call.isPresent() && file.isPresent() && !qa.book().hasSignals(callId)) {
                    qa.recordSignals(callId, call.get().agentId(), analyzer.analyze(file.get()));
                    done.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("signals of call {} not computed: {}", callId, e.toString());
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() > 0) {
            log.warn("qa-signals dropped {} call(s) from a full queue; computed at the next start", dropped.get());
        }
    }
}
