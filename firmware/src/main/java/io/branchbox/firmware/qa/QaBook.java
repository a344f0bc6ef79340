package io.branchbox.firmware.qa;

import static io.branchbox.firmware.qa.QaEventTypes.BY;
import static io.branchbox.firmware.qa.QaEventTypes.COMMENT;
import static io.branchbox.firmware.qa.QaEventTypes.SCORE_ID;

import io.branchbox.firmware.config.ShiftCalendar.ShiftDay;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.form.FormVersion;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.firmware.qa.signal.CallSignals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The QA state as a fold of the journal: forms and their versions, samples, scores and their
 * sign-off, and the calls' signals. Rebuilt at start by replaying the journal and then fed each
 * QA event; applying an event it already has changes nothing (scores by their client-given id,
 * sign-off steps by the state they may follow, samples by call), so the service may apply what it
 * appended at once and the journal listener may deliver it again.
 *
 * <p>Threading: all methods synchronized; the journal writer thread and web requests call it.
 * Reads return immutable values.
 */
public final class QaBook implements Consumer<JournalEvent> {
    private final Map<String, TreeMap<Integer, FormVersion>> forms = new LinkedHashMap<>();
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final Map<String, Score> scoresById = new HashMap<>();
    private final Map<String, QaResult> results = new LinkedHashMap<>();
    private final Map<String, CallSignals> signals = new HashMap<>();

    @Override
    public synchronized void accept(JournalEvent e) {
        if (!e.type().startsWith("qa.")) {
            return;
        }
        switch (e.type()) {
            case QaEventTypes.FORM_DEFINED -> {
                ScoringForm f = QaCodec.form(e.attr(QaEventTypes.FORM));
                forms.computeIfAbsent(f.id(), k -> new TreeMap<>()).putIfAbsent(f.version(),
                        new FormVersion(f, e.attr(BY), e.at()));
            }
            case QaEventTypes.SAMPLED -> samples.putIfAbsent(e.callId(), new Sample(e.callId(), e.agentId(),
                    e.attr(QaEventTypes.PLAN), ShiftDay.parse(e.attr(QaEventTypes.SHIFT)),
                    SampleReason.valueOf(e.attr(QaEventTypes.REASON)), e.at(), e.attr(BY), false,
                    e.attr(QaEventTypes.REPLACES)));
            case QaEventTypes.SAMPLE_LOST -> samples.computeIfPresent(e.callId(), (k, s) -> s.asLost());
            case QaEventTypes.SCORED -> scored(e);
            case QaEventTypes.ACKNOWLEDGED -> step(e, SignOff.SCORED, SignOff.ACKNOWLEDGED, null);
            case QaEventTypes.DISPUTED -> step(e, SignOff.SCORED, SignOff.DISPUTED, null);
            case QaEventTypes.CONFIRMED -> step(e, SignOff.DISPUTED, SignOff.CONFIRMED, null);
            case QaEventTypes.CHANGED -> changed(e);
            case QaEventTypes.SIGNALS -> signals.put(e.callId(), new CallSignals(
                    Long.parseLong(e.attr(QaEventTypes.DURATION_MS)),
                    Double.parseDouble(e.attr(QaEventTypes.SILENCE_PCT)),
                    Double.parseDouble(e.attr(QaEventTypes.TALK_OVER_PCT)),
                    Long.parseLong(e.attr(QaEventTypes.LONGEST_SILENCE_MS)),
                    Double.parseDouble(e.attr(QaEventTypes.AGENT_SHARE_PCT))));
            default -> { }
        }
    }

    private void scored(JournalEvent e) {
        Score s = QaCodec.score(e);
        if (scoresById.containsKey(s.scoreId()) || results.containsKey(s.callId())) {
            return;
        }
        scoresById.put(s.scoreId(), s);
        results.put(s.callId(), new QaResult(s.callId(), s.agentId(), s, s, SignOff.SCORED,
                List.of(new QaResult.Step(e.type(), s.by(), e.at(), s.comment()))));
    }

    private void changed(JournalEvent e) {
        Score s = QaCodec.score(e);
        if (scoresById.containsKey(s.scoreId())) {
            return;
        }
        step(e, SignOff.DISPUTED, SignOff.CHANGED, s);
    }

    private void step(JournalEvent e, SignOff from, SignOff to, Score newScore) {
        String scoreId = newScore == null ? e.attr(SCORE_ID) : newScore.replaces();
        Score of = scoresById.get(scoreId);
        if (of == null) {
            return;
        }
        QaResult r = results.get(of.callId());
        if (r == null || r.state() != from || !r.current().scoreId().equals(scoreId)) {
            return;
        }
        List<QaResult.Step> steps = new ArrayList<>(r.steps());
        String comment = newScore == null ? e.attr(COMMENT) : newScore.comment();
        steps.add(new QaResult.Step(e.type(), e.attr(BY), e.at(), comment == null ? "" : comment));
        Score current = r.current();
        if (newScore != null) {
            scoresById.put(newScore.scoreId(), newScore);
            current = newScore;
        }
        results.put(r.callId(), new QaResult(r.callId(), r.agentId(), current, r.first(), to, steps));
    }

    /** The latest version of every form, in the order they were first defined. */
    public synchronized List<ScoringForm> latestForms() {
        return forms.values().stream().map(v -> v.lastEntry().getValue().form()).toList();
    }

    /** Every version of form {@code id} with who saved it and when, newest first (empty for no such form). */
    public synchronized List<FormVersion> formVersions(String id) {
        TreeMap<Integer, FormVersion> v = forms.get(id);
        return v == null ? List.of() : List.copyOf(v.descendingMap().values());
    }

    /** Form {@code id} at {@code version}. */
    public synchronized Optional<ScoringForm> form(String id, int version) {
        TreeMap<Integer, FormVersion> v = forms.get(id);
        return Optional.ofNullable(v == null ? null : v.get(version)).map(FormVersion::form);
    }

    /** The latest version of form {@code id}. */
    public synchronized Optional<ScoringForm> latestForm(String id) {
        TreeMap<Integer, FormVersion> v = forms.get(id);
        return Optional.ofNullable(v == null ? null : v.lastEntry().getValue().form());
    }

    public synchronized Optional<Sample> sample(String callId) {
        return Optional.ofNullable(samples.get(callId));
    }

    /** Every sample of month plan {@code plan} ({@code 2026-12}), in the order drawn. */
    public synchronized List<Sample> samples(String plan) {
        return samples.values().stream().filter(s -> s.plan().equals(plan)).toList();
    }

    public synchronized Optional<Score> score(String scoreId) {
        return Optional.ofNullable(scoresById.get(scoreId));
    }

    public synchronized Optional<QaResult> result(String callId) {
        return Optional.ofNullable(results.get(callId));
    }

    /** Every result, in the order first scored. */
    public synchronized List<QaResult> results() {
        return List.copyOf(results.values());
    }

    /** The results of calls of {@code agentId}. */
    public synchronized List<QaResult> resultsOf(String agentId) {
        return results.values().stream().filter(r -> agentId.equals(r.agentId())).toList();
    }

    public synchronized Optional<CallSignals> signals(String callId) {
        return Optional.ofNullable(signals.get(callId));
    }

    /** Which of {@code callIds} have signals. */
    public synchronized boolean hasSignals(String callId) {
        return signals.containsKey(callId);
    }

    /** The signals of the given calls (calls without are left out). */
    public synchronized Map<String, CallSignals> signals(Collection<String> callIds) {
        Map<String, CallSignals> m = new HashMap<>();
        for (String id : callIds) {
            CallSignals s = signals.get(id);
            if (s != null) {
                m.put(id, s);
            }
        }
        return m;
    }
}
