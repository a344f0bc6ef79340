package io.branchbox.admin.qa;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.qa.signal.CallSignals;

/**
 * The call list's one-click filters, "find the calls worth listening to", over the calls' own
 * signals ({@link CallSignals}, computed from each recording after the call) and their call
 * record. Applied on the server ({@code GET /api/qa/calls?preset=...}), so a page of the list is
 * a page of the filtered calls; the thresholds are owned here, the page only names the preset.
 * A call whose signals are not computed yet matches no signal preset.
 */
enum CallPreset {
    /** Every call. */
    ALL("all"),
    /** Dead air: a silence of {@value #LONG_SILENCE_MS} ms or more, or {@value #SILENCE_PCT} % or more silent. */
    SILENCE("silence"),
    /** Both sides speaking at once for {@value #TALK_OVER_PCT} % of the call or more. */
    TALK_OVER("talkOver"),
    /** One side did the talking: the agent's share of the speech at least {@value #AGENT_SHARE_HIGH} % or at most {@value #AGENT_SHARE_LOW} %. */
    AGENT_SHARE("agentShare"),
    /** On hold {@value #HOLD_MS} ms or more in all. */
    HOLD("hold"),
    /** Very short: under {@code qa.shortCallS} from answer to end. */
    SHORT("short"),
    /** Not scored yet. */
    UNSCORED("unscored");

    static final long LONG_SILENCE_MS = 10_000;
    static final double SILENCE_PCT = 40;
    static final double TALK_OVER_PCT = 5;
    static final double AGENT_SHARE_HIGH = 75;
    static final double AGENT_SHARE_LOW = 25;
    static final long HOLD_MS = 60_000;

    private final String key;

    CallPreset(String key) {
        this.key = key;
    }

    /** The name in the query string and on the page's buttons ({@code data-preset}). */
    String key() {
        return key;
    }

    /** The preset named {@code key}; {@link #ALL} when absent; 400 when unknown. */
    static CallPreset of(String key) {
        if (key == null || key.isBlank()) {
            return ALL;
        }
        for (CallPreset p : values()) {
            if (p.key.equals(key.strip())) {
                return p;
            }
        }
        throw new HttpProblem(400, "unknown preset '" + key + "'");
    }

    boolean matches(QaViews.CallRow c) {
        CallSignals s = c.signals();
        return switch (this) {
            case ALL -> true;
            case SILENCE -> s != null && (s.longestSilenceMs() >= LONG_SILENCE_MS || s.silencePct() >= SILENCE_PCT);
            case TALK_OVER -> s != null && s.talkOverPct() >= TALK_OVER_PCT;
            case AGENT_SHARE -> s != null && (s.agentSharePct() >= AGENT_SHARE_HIGH || s.agentSharePct() <= AGENT_SHARE_LOW);
            case HOLD -> c.holdMs() >= HOLD_MS;
            case SHORT -> c.veryShort();
            case UNSCORED -> c.state() == null;
        };
    }
}
