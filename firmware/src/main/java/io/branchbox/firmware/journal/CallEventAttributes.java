package io.branchbox.firmware.journal;

import static io.branchbox.firmware.journal.CallEventTypes.CHANNELS;
import static io.branchbox.firmware.journal.CallEventTypes.DISPOSITION;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEvents.Disposition;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attribute level of {@link CallEventCodec}: typed reads of one event's string attributes
 * ({@link Fields}) and the attribute map being written ({@link Attrs}). Package-private: the
 * codec is the only user, so the strings stay in the journal.
 */
final class CallEventAttributes {
    private static final Logger log = LoggerFactory.getLogger(CallEventCodec.class);

    private CallEventAttributes() {}

    /** The attributes of one event being read; each getter throws {@link BadValue} for a wrong value. */
    record Fields(JournalEvent e) {
        String callId() {
            if (e.callId() == null || e.callId().isEmpty()) {
                throw new BadValue("no call id");
            }
            return e.callId();
        }

        String agentId() {
            if (e.agentId() == null) {
                throw new BadValue("no agent id");
            }
            return e.agentId();
        }

        String s(String key) {
            return e.attr(key);
        }

        String req(String key) {
            String v = e.attr(key);
            if (v == null) {
                throw new BadValue(key + " missing");
            }
            return v;
        }

        Integer i(String key) {
            String v = e.attr(key);
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException ex) {
                throw new BadValue(key + " '" + v + "' is not a number");
            }
        }

        /** A Q.850 cause: absent null, a value outside 0..127 damaged. */
        Q850Cause cause(String key) {
            Integer v = i(key);
            if (v == null) {
                return null;
            }
            if (v < 0 || v > 127) {
                throw new BadValue(key + " " + v + " is not a Q.850 cause value (0..127)");
            }
            return Q850Cause.of(v);
        }

        Q850Cause reqCause(String key) {
            Q850Cause c = cause(key);
            if (c == null) {
                throw new BadValue(key + " missing");
            }
            return c;
        }

        /** A cause where "0" means none (an answered attempt, a restart without STATUS): null then. */
        Q850Cause causeOrNone(String key) {
            Q850Cause c = reqCause(key);
            return c.value() == 0 ? null : c;
        }

        int reqInt(String key) {
            Integer v = i(key);
            if (v == null) {
                throw new BadValue(key + " missing");
            }
            return v;
        }

        Duration ms(String key) {
            String v = e.attr(key);
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                return Duration.ofMillis(Long.parseLong(v.trim()));
            } catch (NumberFormatException ex) {
                throw new BadValue(key + " '" + v + "' is not a number of milliseconds");
            }
        }

        /** An optional number that, when wrong, is dropped with a warning rather than the event. */
        Long lenientLong(String key) {
            String v = e.attr(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException ex) {
                log.warn("call {}: {} '{}' at seq {} is not a number; left out", e.callId(), key, v, e.seq());
                return null;
            }
        }

        Integer lenientInt(String key) {
            Long v = lenientLong(key);
            return v == null || v != v.intValue() ? null : v.intValue();
        }

        Duration lenientMs(String key) {
            Long v = lenientLong(key);
            return v == null ? null : Duration.ofMillis(v);
        }

        Duration reqMs(String key) {
            Duration d = ms(key);
            if (d == null) {
                throw new BadValue(key + " missing");
            }
            return d;
        }

        Instant optionalInstant(String key) {
            return e.attr(key) == null ? null : instant(key);
        }

        Instant instant(String key) {
            try {
                return Instant.parse(req(key));
            } catch (DateTimeParseException ex) {
                throw new BadValue(key + " '" + e.attr(key) + "' is not an ISO-8601 instant");
            }
        }

        /** The enum constant named by {@code key}; absent: {@code absent}, or damaged when that is null. */
        <T extends Enum<T>> T en(String key, Class<T> type, T absent) {
            String v = e.attr(key);
            if (v == null) {
                if (absent == null) {
                    throw new BadValue(key + " missing");
                }
                return absent;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException ex) {
                throw new BadValue(key + " '" + v + "' is not one of " + List.of(type.getEnumConstants()));
            }
        }

        /** An unknown disposition is dropped rather than the end: the reader derives one. */
        Disposition disposition() {
            String v = e.attr(DISPOSITION);
            if (v == null) {
                return null;
            }
            try {
                return Disposition.valueOf(v);
            } catch (IllegalArgumentException ex) {
                log.warn("call {}: unknown disposition '{}' at seq {}, derived instead", e.callId(), v, e.seq());
                return null;
            }
        }

        List<Integer> channels() {
            String v = s(CHANNELS);
            List<Integer> out = new ArrayList<>();
            if (v == null || v.isEmpty()) {
                return out;
            }
            for (String part : v.split(",")) {
                try {
                    out.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException ex) {
                    throw new BadValue(CHANNELS + " '" + v + "' is not a list of timeslots");
                }
            }
            return out;
        }
    }

    /** The attributes being written, in a stable order; a null value is left out. */
    static final class Attrs {
        final Map<String, String> map = new LinkedHashMap<>();

        Attrs put(String key, Object value) {
            if (value instanceof Duration d) {
                map.put(key, Long.toString(d.toMillis()));
            } else if (value instanceof Enum<?> en) {
                map.put(key, en.name());
            } else if (value != null) {
                map.put(key, value.toString());
            }
            return this;
        }
    }

    /** A value that cannot be read; cheap (no stack trace), caught in {@link CallEventCodec#decode} only. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
