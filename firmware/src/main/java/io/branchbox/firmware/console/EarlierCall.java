package io.branchbox.firmware.console;

import java.time.Instant;

/** One earlier call of a number, for the screen pop: when, who took it, how it ended and what was noted. */
public record EarlierCall(String callId, Instant startedAt, String direction, String agentId, String disposition,
        String wrapUpCode, String notes, String customerName) {}
