package io.branchbox.firmware.runtime;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start order and the stop order of one box, kept apart from {@link BoxRuntime}'s API:
 * storage, engine, services in the order added; stopped in reverse. Each step's time is logged
 * (the start-up budget of docs/BENCHMARKS.md is read from this line).
 *
 * <p>Threading: {@link #start} and {@link #close} on the owner's thread, synchronized; the
 * storage and engine are published through volatile fields.
 */
final class BoxLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BoxLifecycle.class);

    private final List<BoxService> services = new ArrayList<>();
    private final List<BoxService> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile BoxStorage storage;
    private volatile BoxEngine engine;
    private boolean starting;

    BoxLifecycle(BoxService first) {
        services.add(first);
    }

    synchronized void add(BoxService service) {
        if (starting) {
            throw new IllegalStateException("services are added before the box starts");
        }
        services.add(service);
    }

    /** The started engine; throws before {@link #start} built it. */
    BoxEngine engine() {
        BoxEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("the box is not started");
        }
        return e;
    }

    /** The opened storage; throws before {@link #start} opened it. */
    BoxStorage storage() {
        BoxStorage s = storage;
        if (s == null) {
            throw new IllegalStateException("the box is not started");
        }
        return s;
    }

    /** Brings the box up in order; on a failure closes what was started and throws. */
    synchronized void start(BoxRuntime box, BoxConfig config, Path dataDir, BoxRuntime.Hardware hw, Clock clock,
            BoxEngine.BoxHealth health, boolean exitOnFatal) throws IOException, SQLException {
        if (starting) {
            throw new IllegalStateException("already started");
        }
        starting = true;
        long t0 = System.nanoTime();
        List<BoxService> toPrepare = List.copyOf(services);
        Thread preparing = new Thread(() -> prepare(toPrepare), ThreadNames.BOX_START);
        preparing.setDaemon(true);
        preparing.start();
        storage = BoxStorage.open(config, dataDir, clock, health.faults());
        try {
            long t1 = System.nanoTime();
            List<AutoCloseable> engineParts = new ArrayList<>();
            try {
                engine = new BoxEngine(config, storage, hw, clock, health, box::uplinkState, box::config, engineParts);
            } catch (IOException | SQLException | RuntimeException e) {
                // the threads and files the half-built engine opened
                BoxEngine.closeAll(engineParts);
                throw e;
            }
            engine.start(storage.journal, exitOnFatal);
            long t2 = System.nanoTime();
            preparing.join();
            for (BoxService s : services) {
                try {
                    s.start(box);
                } catch (Exception failed) {
                    s.close();
                    throw failed;
                }
                started.add(s);
            }
            log.info("box {} at site {} started: data in {}, board at {} (storage {} ms, engine {} ms, services {} ms: {})",
                    config.site().boxId(), config.site().siteId(), dataDir.toAbsolutePath(), config.board().device(),
                    ms(t1 - t0), ms(t2 - t1), ms(System.nanoTime() - t2), services.stream().map(BoxService::name).toList());
        } catch (IOException | SQLException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("a service of the box did not start: " + e.getMessage(), e);
        }
    }

    /** Each service's {@link BoxService#prepare}, in order, on the {@code box-start} thread. */
    private static void prepare(List<BoxService> all) {
        for (BoxService s : all) {
            try {
                s.prepare();
            } catch (Exception | LinkageError e) {
                log.warn("the {} could not prepare its start ({}): it starts without", s.name(), e.toString());
            }
        }
    }

    /** Services in reverse, then the engine, then the storage; once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("box stopping");
        List<BoxService> running;
        synchronized (this) {
            running = List.copyOf(started);
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (RuntimeException e) {
                log.warn("while stopping the {}: {}", running.get(i).name(), e.toString());
            }
        }
        BoxEngine e = engine;
        if (e != null) {
            e.close();
        }
        BoxStorage s = storage;
        if (s != null) {
            try {
                s.close();
            } catch (IOException | RuntimeException ex) {
                log.warn("while closing the journal and the database: {}", ex.toString());
            }
        }
        log.info("box stopped");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
