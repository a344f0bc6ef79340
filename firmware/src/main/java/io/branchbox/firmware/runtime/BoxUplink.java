package io.branchbox.firmware.runtime;

import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.uplink.AlarmBacklog;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
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
 * The box's link to the central office, a {@link BoxService} of the runtime itself, so that a box
 * reports over MQTT with or without its web admin. A saved configuration change may switch it on,
 * off or to new settings while the box runs: {@link #restart()} stops the current service
 * (publishing "offline") and starts one from the runtime's current document. Alarms, interval
 * figures and day figures always go to the service of the moment; an alarm the outbox refuses
 * (disk full, or no service at the moment) waits, bounded, and is sent later.
 *
 * <p>Thread-safe; the service itself runs on the {@code uplink} thread (and Paho's), and the
 * runtime's sinks hand off to it without blocking.
 */
final class BoxUplink implements BoxService {
    private static final Logger log = LoggerFactory.getLogger(BoxUplink.class);

    private final ExecutorScheduler thread = new ExecutorScheduler(ThreadNames.UPLINK, Clock.systemUTC());
    private volatile BoxRuntime box;
    private volatile UplinkService service;

    @Override
    public String name() {
        return "uplink";
    }

    @Override
    public synchronized void start(BoxRuntime runtime) throws IOException {
        this.box = runtime;
        service = UplinkWiring.create(runtime, thread);
        if (service != null) {
            service.start();
        }
        // publishing appends to the outbox on disk: hand off to the uplink's own thread
        AlarmBacklog alarms = new AlarmBacklog(a -> {
            UplinkService s = service;
            return s != null && s.publishAlarm(a);
        });
        runtime.onAlarm(a -> thread.execute(() -> alarms.offer(a)));
        thread.scheduleAtFixedRate(Duration.ofSeconds(10), Duration.ofSeconds(10), alarms::retry);
        runtime.onFigures((from, to, f) -> {
            // the work orders' state at the interval's end, taken here (in memory, the book's short lock)
            var orders = runtime.workOrders().figures(from, to).toMap();
            thread.execute(() -> {
                UplinkService s = service;
                if (s != null) {
                    s.publishFigures(from, to, f.toMap(), orders);
                }
            });
        });
        String zone = runtime.config().site().timezone();
        runtime.onDayFigures((day, closed, rows) -> {
            List<Object> json = rows.stream().<Object>map(KpiJson::row).toList();
            thread.execute(() -> {
                UplinkService s = service;
                if (s != null) {
                    s.publishDayFigures(day.toString(), zone, closed, json);
                }
            });
        });
    }

    /** The service of the moment, or null when the document disables the uplink. */
    UplinkService service() {
        return service;
    }

    /** Replaces the service with one built from the runtime's current document. */
    synchronized void restart() {
        stopService();
        try {
            service = UplinkWiring.create(box, thread);
            if (service != null) {
                service.start();
            } else {
                box.reportUplink(() -> BoxSnapshot.Uplink.DISABLED);
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
