package io.branchbox.firmware.runtime;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.QaEventTypes;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.RecordsCallSource;
import io.branchbox.firmware.qa.signal.SignalWorker;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quality monitoring in the box: the QA service over the journal, the signal worker following
 * finished recordings, QA's hold on the recordings it scored, and an hourly run on
 * {@code qa-maintenance} that marks samples whose recording was deleted as lost and draws the
 * month's plan as far as the calls so far allow.
 */
final class QaWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QaWiring.class);
    private static final Duration MAINTENANCE = Duration.ofHours(1);
    private static final Duration BACKLOG = Duration.ofDays(7);

    private final QaService service;
    private final SignalWorker signals;
    private final ExecutorScheduler maintenance;
    private final RecordsCallSource calls;
    private final Clock clock;

    QaWiring(BoxConfig config, EventJournal journal, DataSource ds, RecordingSupervisor recordings, Clock clock)
            throws IOException {
        this.clock = clock;
        RecordingCatalog catalog = recordings.catalog();
        this.calls = new RecordsCallSource(new CallRecordRepository(ds), catalog);
        this.service = QaService.start(journal, calls, clock, config);
        this.signals = new SignalWorker(service, calls, callId -> liveFile(catalog, callId));
        journal.addListener(signals);
        recordings.keepFor(service::keepsRecording);
        this.maintenance = new ExecutorScheduler(ThreadNames.QA_MAINTENANCE, clock);
        maintenance.execute(() -> signals.backlog(calls.answered(clock.instant().minus(BACKLOG), clock.instant())
                .stream().filter(CallFacts::recorded).map(CallFacts::callId).toList()));
        maintenance.scheduleAtFixedRate(MAINTENANCE, MAINTENANCE, this::maintain);
    }

    QaService service() {
        return service;
    }

    private void maintain() {
        try {
            YearMonth now = YearMonth.from(clock.instant().atZone(service.shifts().zone()));
            for (YearMonth m : List.of(now.minusMonths(1), now)) {
                List<String> lost = service.markLost(m, calls::recordingGone);
                if (!lost.isEmpty()) {
                    log.warn("QA plan {}: {} sampled call(s) lost their recording before scoring; replacements drawn", m, lost.size());
                }
            }
            service.draw(now, List.of(), QaEventTypes.SYSTEM);
        } catch (RuntimeException e) {
            log.error("QA maintenance failed; retried in {}", MAINTENANCE, e);
        }
    }

    private static Optional<Path> liveFile(RecordingCatalog catalog, String callId) {
        try {
            return catalog.find(callId).filter(e -> !e.deleted()).map(catalog::resolve);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        maintenance.close();
        signals.close();
    }
}
