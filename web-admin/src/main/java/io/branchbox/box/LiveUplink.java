package io.branchbox.box;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.UplinkWiring;
import io.branchbox.firmware.uplink.AlarmBacklog;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's uplink, which a saved configuration change may switch on, off or to new settings
 * while the box runs: {@link #restart()} stops the current service (publishing "offline") and
 * starts one from the runtime's current document. Alarms and figures always go to the service of
 * the moment. Thread-safe; the service itself runs on the {@code uplink} thread.
 */
final class LiveUplink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveUplink.class);

    private final BoxRuntime runtime;
    private final ExecutorScheduler thread = new ExecutorScheduler(ThreadNames.UPLINK, Clock.systemUTC());
    private volatile UplinkService service;

    private LiveUplink(BoxRuntime runtime) {
        this.runtime = runtime;
    }

    static LiveUplink start(BoxRuntime runtime) throws IOException {
        LiveUplink u = new LiveUplink(runtime);
        u.service = UplinkWiring.create(runtime, u.thread);
        if (u.service != null) {
            u.service.start();
        }
        // publishing appends to the outbox on disk: hand off to the uplink's own thread; an alarm
        // the outbox refuses (disk full, or no service at the moment) waits, bounded, and is sent later
        AlarmBacklog alarms = new AlarmBacklog(a -> {
            UplinkService s = u.service;
            return s != null && s.publishAlarm(a);
        });
        runtime.onAlarm(a -> u.thread.execute(() -> alarms.offer(a)));
        u.thread.scheduleAtFixedRate(Duration.ofSeconds(10), Duration.ofSeconds(10), alarms::retry);
        runtime.onFigures((from, to, f) -> {
            // the work orders' state at the interval's end, taken here (in memory, the book's short lock)
            var orders = runtime.workOrders().figures(from, to).toMap();
            u.thread.execute(() -> {
                UplinkService s = u.service;
                if (s != null) {
                    s.publishFigures(from, to, f.toMap(), orders);
                }
            });
        });
        String zone = runtime.config().site().timezone();
        runtime.onDayFigures((day, closed, rows) -> {
            List<Object> json = rows.stream().<Object>map(KpiJson::row).toList();
            u.thread.execute(() -> {
                UplinkService s = u.service;
                if (s != null) {
                    s.publishDayFigures(day.toString(), zone, closed, json);
                }
            });
        });
        return u;
    }

    /** The service of the moment, or null when the document disables the uplink. */
    UplinkService service() {
        return service;
    }

    /** Replaces the service with one built from the runtime's current document. */
    synchronized void restart() {
        stopService();
        try {
            service = UplinkWiring.create(runtime, thread);
            if (service != null) {
                service.start();
            } else {
                runtime.reportUplink(() -> new String[] {"DISABLED", "0"});
            }
            log.info("uplink restarted with the new settings: {}", service == null ? "disabled" : "enabled");
        } catch (IOException | RuntimeException e) {
            service = null;
            log.error("uplink not restarted with the new settings: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        stopService();
        thread.close();
    }

    private void stopService() {
        UplinkService s = service;
        service = null;
        if (s == null) {
            return;
        }
        try {
            s.stop().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("uplink did not stop cleanly: {}", e.toString());
        }
    }
}
