package io.branchbox.firmware.qa;

/**
 * The journal events of quality monitoring and their attribute keys: the one vocabulary the QA
 * book ({@link QaBook}), the KPIs and the reports read. Every event's {@code at} is when it
 * happened and {@link #BY} the web user who did it ({@code "system"} for the box itself).
 * The event's {@code callId} is the scored call and its {@code agentId} the agent whose call it
 * is (never the inspector). Lists and maps inside attributes are JSON ({@link QaCodec}).
 *
 * <ul>
 *   <li>{@link #FORM_DEFINED}: a scoring form version: {@link #FORM_ID}, {@link #FORM_VERSION},
 *       {@link #FORM} (the whole form as JSON). A version is never redefined.
 *   <li>{@link #SAMPLED}: a call was drawn for scoring: {@link #PLAN} (the month, {@code 2026-12}),
 *       {@link #SHIFT} ({@code 2026-12-07/morning}), {@link #REASON} (a {@link SampleReason}),
 *       {@link #SEED}, optional {@link #REPLACES} (the lost sample it replaces).
 *   <li>{@link #SAMPLE_LOST}: a sampled call's recording was deleted before it was scored:
 *       {@link #PLAN}; the next draw replaces it.
 *   <li>{@link #SCORED}: {@link #SCORE_ID} (given by the client: submitting the same id again is
 *       recorded once), {@link #FORM_ID}, {@link #FORM_VERSION}, {@link #POINTS} (item → points),
 *       {@link #FATAL} (fatal item ids marked), {@link #MARKS} (times in the call with comments),
 *       {@link #TOTAL}, {@link #COMMENT}, {@link #LIVE} ("true" when scored while listening live).
 *   <li>{@link #ACKNOWLEDGED} / {@link #DISPUTED}: the agent accepts the score or disputes it:
 *       {@link #SCORE_ID}, {@link #COMMENT}.
 *   <li>{@link #CONFIRMED}: the shift lead keeps the score: {@link #SCORE_ID}, {@link #COMMENT}.
 *   <li>{@link #CHANGED}: the shift lead changes it: a new score with all the attributes of
 *       {@link #SCORED} (its own {@link #SCORE_ID}) and {@link #REPLACES} (the score it replaces).
 *   <li>{@link #SIGNALS}: the call's own signals from its recording (see
 *       {@code qa.signal.CallSignals}): {@link #SILENCE_PCT}, {@link #TALK_OVER_PCT},
 *       {@link #LONGEST_SILENCE_MS}, {@link #AGENT_SHARE_PCT}, {@link #DURATION_MS}.
 * </ul>
 *
 * <p>QA completion counts a call's first {@link #SCORED} event; its one definition is
 * {@link QaCompletion} (docs/KPIS.md).
 */
public final class QaEventTypes {
    public static final String FORM_DEFINED = "qa.form.defined";
    public static final String SAMPLED = "qa.sampled";
    public static final String SAMPLE_LOST = "qa.sample.lost";
    public static final String SCORED = "qa.scored";
    public static final String ACKNOWLEDGED = "qa.acknowledged";
    public static final String DISPUTED = "qa.disputed";
    public static final String CONFIRMED = "qa.confirmed";
    public static final String CHANGED = "qa.changed";
    public static final String SIGNALS = "qa.signals";

    public static final String BY = "by";
    public static final String FORM_ID = "formId";
    public static final String FORM_VERSION = "formVersion";
    public static final String FORM = "form";
    public static final String PLAN = "plan";
    public static final String SHIFT = "shift";
    public static final String REASON = "reason";
    public static final String SEED = "seed";
    public static final String REPLACES = "replaces";
    public static final String SCORE_ID = "scoreId";
    public static final String POINTS = "points";
    public static final String FATAL = "fatal";
    public static final String MARKS = "marks";
    public static final String TOTAL = "total";
    public static final String COMMENT = "comment";
    public static final String LIVE = "live";
    public static final String SILENCE_PCT = "silencePct";
    public static final String TALK_OVER_PCT = "talkOverPct";
    public static final String LONGEST_SILENCE_MS = "longestSilenceMs";
    public static final String AGENT_SHARE_PCT = "agentSharePct";
    public static final String DURATION_MS = "durationMs";

    /** Who the box itself is in {@link #BY}. */
    public static final String SYSTEM = "system";

    private QaEventTypes() {}
}
