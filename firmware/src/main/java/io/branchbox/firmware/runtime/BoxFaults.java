package io.branchbox.firmware.runtime;

import io.branchbox.firmware.uplink.Alarm;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault conditions that are not visible in a {@link BoxSnapshot} but must reach the office as
 * alarms: what start-up found and repaired (a damaged database moved aside, a journal behind the
 * database), a journal holding events in memory, a poor board link. Whoever detects a condition
 * {@link #raise}s it under a stable code and {@link #clear}s it when it ends; {@link AlarmMonitor}
 * turns the set into raised and cleared alarms with each snapshot, like its own conditions.
 *
 * <p>Start-up findings stay raised for the life of the process: they describe something a
 * technician should look at (and the kept files they name), not something that heals.
 *
 * <p>Threading: safe from any thread; never blocks.
 */
public final class BoxFaults {
    private static final Logger log = LoggerFactory.getLogger(BoxFaults.class);

    private final Map<String, Alarm> active = new ConcurrentHashMap<>();

    /** Raises (or updates) the condition {@code code}; logged once per change of severity or text. */
    public void raise(String code, Alarm.Severity severity, String text, Map<String, ?> details) {
        Alarm a = new Alarm(code, severity, text, details);
        Alarm before = active.put(code, a);
        if (before == null || before.severity() != severity || !before.text().equals(a.text())) {
            log.warn("fault {} {}: {}", code, severity, text);
        }
    }

    /** Ends the condition {@code code}, if it was raised. */
    public void clear(String code) {
        if (active.remove(code) != null) {
            log.info("fault {} ended", code);
        }
    }

    /** The conditions raised now, in no particular order. */
    public List<Alarm> active() {
        return List.copyOf(active.values());
    }

    public boolean isRaised(String code) {
        return active.containsKey(code);
    }
}
