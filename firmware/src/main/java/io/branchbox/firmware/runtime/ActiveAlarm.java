package io.branchbox.firmware.runtime;

import io.branchbox.firmware.uplink.Alarm;
import java.time.Instant;

/**
 * An alarm raised now, as the technician's status page lists it: its stable {@code code} (the
 * same the central office keys on), {@code severity}, the engine's one-line {@code text} (English,
 * for the log and the office; pages name the code from their catalogue) and {@code since}, the
 * snapshot time at which the condition was first seen, on the box's clock.
 */
public record ActiveAlarm(String code, Alarm.Severity severity, String text, Instant since) {}
