package io.branchbox.firmware.isdn.q931;

import java.time.Duration;

/**
 * User-side Q.931 timer values (EN 300 403 table 9-2) and retry counts. Immutable.
 *
 * <p>{@code restartRetries}: how many times RESTART is sent again after T316 expires before the
 * channels are taken out of service. {@code statusEnquiryRetries}: how many times STATUS ENQUIRY
 * is sent again after T322 expires before the call is cleared with cause 41.
 */
public record Q931Timers(Duration t303, Duration t305, Duration t308, Duration t309, Duration t310,
        Duration t313, Duration t316, Duration t322, int restartRetries, int statusEnquiryRetries) {

    public Q931Timers {
        for (Duration d : new Duration[] {t303, t305, t308, t309, t310, t313, t316, t322}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every Q.931 timer must be positive");
            }
        }
        if (t310.compareTo(Duration.ofSeconds(30)) < 0 || t310.compareTo(Duration.ofSeconds(120)) > 0) {
            throw new IllegalArgumentException("T310 must be 30-120 s (EN 300 403): " + t310);
        }
        if (restartRetries < 0 || statusEnquiryRetries < 0) {
            throw new IllegalArgumentException("retry counts must not be negative");
        }
    }

    /** The standard defaults: T303 4 s, T305 30 s, T308 4 s, T309 90 s, T310 30 s, T313 4 s, T316 120 s, T322 4 s. */
    public static Q931Timers defaults() {
        return new Q931Timers(Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(4),
                Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(4), Duration.ofSeconds(120),
                Duration.ofSeconds(4), 2, 2);
    }
}
