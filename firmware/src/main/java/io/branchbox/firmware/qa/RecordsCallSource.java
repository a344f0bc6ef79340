package io.branchbox.firmware.qa;

import io.branchbox.firmware.recording.CatalogEntry;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * QA's view of the calls: the call records with an agent, and whether their recording is still
 * in the catalogue. A database error becomes an {@link IllegalStateException} (the web admin
 * answers 500; the next request retries).
 *
 * <p>Threading: any thread but the audio path and signalling (database reads).
 */
public final class RecordsCallSource implements CallSource {
    /** A call's recording finishes after the call; look this far past the period for it. */
    private static final Duration RECORDING_LAG = Duration.ofDays(1);

    private final CallRecordRepository records;
    private final RecordingCatalog catalog;

    public RecordsCallSource(CallRecordRepository records, RecordingCatalog catalog) {
        this.records = records;
        this.catalog = catalog;
    }

    @Override
    public List<CallFacts> answered(Instant from, Instant to) {
        try {
            Set<String> live = new HashSet<>();
            for (CatalogEntry e : catalog.finishedBetween(from, to.plus(RECORDING_LAG))) {
                live.add(e.callId());
            }
            List<CallFacts> out = new ArrayList<>();
            // a call is counted in the period it was answered; it started at most a little before
            for (CallRecord r : records.between(from.minus(RECORDING_LAG), to)) {
                facts(r, live.contains(r.callId()))
                        .filter(c -> !c.answeredAt().isBefore(from) && c.answeredAt().isBefore(to))
                        .ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("call records cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<CallFacts> call(String callId) {
        try {
            Optional<CallRecord> r = records.find(callId);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            boolean live = catalog.find(callId).filter(e -> !e.deleted()).isPresent();
            return facts(r.get(), live);
        } catch (SQLException e) {
            throw new IllegalStateException("call record cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code callId} has no live recording any more (deleted by retention or by hand). */
    public boolean recordingGone(String callId) {
        try {
            return catalog.find(callId).map(CatalogEntry::deleted).orElse(true);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Optional<CallFacts> facts(CallRecord r, boolean recorded) {
        if (r.agentId() == null || r.answeredAt() == null) {
            return Optional.empty();
        }
        Instant end = r.endedAt() == null ? r.answeredAt() : r.endedAt();
        return Optional.of(new CallFacts(r.callId(), r.agentId(), r.queue(), r.handling().wrapUpCode(), r.answeredAt(),
                Duration.between(r.answeredAt(), end).toMillis(), r.handling().holdMs(), recorded));
    }
}
