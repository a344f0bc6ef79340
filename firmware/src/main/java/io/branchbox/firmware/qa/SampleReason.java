package io.branchbox.firmware.qa;

/** Why a call was drawn into a sample plan; journaled by name in {@link QaEventTypes#SAMPLED}. */
public enum SampleReason {
    /** The agent's minimum per shift worked. */
    SHIFT_QUOTA,
    /** The agent's minimum per month. */
    MONTH_QUOTA,
    /** Random, to reach the plan's share of agent-answered calls. */
    RANDOM,
    /** Targeted: a chosen agent. */
    TARGET_AGENT,
    /** Targeted: a chosen queue. */
    TARGET_QUEUE,
    /** Targeted: a chosen wrap-up code. */
    TARGET_WRAPUP,
    /** Targeted: complaint calls (the complaint queue or wrap-up code). */
    COMPLAINT,
    /** Targeted: long calls. */
    LONG_CALL,
    /** Replaces a sample whose recording was deleted before it was scored. */
    REPLACEMENT,
    /** Chosen by hand by an inspector (from the call list or live listening). */
    MANUAL
}
