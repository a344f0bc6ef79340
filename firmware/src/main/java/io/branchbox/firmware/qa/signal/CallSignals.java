package io.branchbox.firmware.qa.signal;

/**
 * What a call's stereo recording says about it, before anybody listens: where to listen first.
 * Percentages are of the recording's length, rounded to 0.1.
 *
 * @param durationMs       the recording's length
 * @param silencePct       share of the call where neither side speaks
 * @param talkOverPct      share where both speak at once
 * @param longestSilenceMs the longest stretch where neither speaks
 * @param agentSharePct    the agent's share of the speaking (agent / (agent + caller)), 0 if nobody spoke
 */
public record CallSignals(long durationMs, double silencePct, double talkOverPct, long longestSilenceMs,
        double agentSharePct) {}
