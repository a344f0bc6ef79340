package io.branchbox.firmware.isdn.q931;

import java.time.Duration;

/** The per-call state timers (only one runs at a time; T309 and T322 run beside them). */
enum TimerId {
    T303, T305, T308, T310, T313;

    Duration of(Q931Timers t) {
        return switch (this) {
            case T303 -> t.t303();
            case T305 -> t.t305();
            case T308 -> t.t308();
            case T310 -> t.t310();
            case T313 -> t.t313();
        };
    }
}
