package io.branchbox.box;

import io.branchbox.admin.system.SystemAdmin;
import io.branchbox.box.update.HealthWatch;
import io.branchbox.box.update.UpdateException;
import io.branchbox.box.update.UpdatePackage;
import io.branchbox.box.update.UpdateState;
import io.branchbox.box.update.Updater;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.runtime.BoxFaults;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's side of firmware updates (docs/UPDATES.md): receives a package (the web admin's upload,
 * the office's {@code update} command by download), hands it to the {@link Updater}, restarts into
 * the new version, runs the {@link HealthWatch} while a version is on trial, and journals every
 * outcome and raises it to the office as the alarm {@link #ALARM}.
 *
 * <p>Threading: uploads on the request's thread; downloads, the health watch and the restart on
 * the {@code update} thread; outcomes are journaled from whichever thread made them (the journal
 * is thread-safe). One update at a time ({@link Updater}).
 */
final class ApplianceUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApplianceUpdates.class);

    /** The office's alarm code for an update's progress and end. */
    static final String ALARM = "FIRMWARE_UPDATE";
    /** Largest package accepted (the jar is ~40 MB). */
    static final long MAX_PACKAGE_BYTES = 256L << 20;
    /** How long the new version has to become healthy before it is rolled back. */
    static final Duration HEALTH_DEADLINE = Duration.ofSeconds(180);
    /** Time between the switch and the restart: the outcome reaches the journal and the office's outbox. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(3);

    private final Updater updater;
    private final Runnable restart;
    private final ExecutorScheduler thread = new ExecutorScheduler(ThreadNames.UPDATE, Clock.systemUTC());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private HealthWatch watch;

    /** @param restart ends the process for the service manager to start the version now linked */
    ApplianceUpdates(Updater updater, Runnable restart) {
        this.updater = updater;
        this.restart = restart;
    }

    /** Outcomes (also those of the start-up resolution) go to the journal and the office from now on. */
    void attach(EventJournal journal, BoxFaults faults) {
        updater.onOutcome(o -> {
            journal.append(o.type(), null, null, null, o.attrs());
            alarm(faults, o);
        });
    }

    /**
     * While a version is on trial: checks its health every 2 s until healthy (the update stays) or
     * the deadline passes (rolled back, restarted).
     *
     * @param boardOnline whether the board is online now; asked only if it was online before the update
     * @param webPort     the web admin's port, asked on loopback
     */
    void watchIfOnTrial(BooleanSupplier boardOnline, DataSource db, IntSupplier webPort) {
        if (!updater.onTrial()) {
            return;
        }
        boolean boardWasOnline;
        try {
            boardWasOnline = updater.state().map(UpdateState::boardWasOnline).orElse(false);
        } catch (IOException e) {
            boardWasOnline = true;
        }
        boolean needBoard = boardWasOnline;
        watch = new HealthWatch(updater, thread, HEALTH_DEADLINE, Duration.ofSeconds(2),
                () -> problems(needBoard, boardOnline, db, webPort.getAsInt()), restart);
        watch.start();
    }

    private List<String> problems(boolean needBoard, BooleanSupplier boardOnline, DataSource db, int port) {
        List<String> p = new ArrayList<>();
        if (needBoard && !boardOnline.getAsBoolean()) {
            p.add("the board is not online (it was before the update)");
        }
        try (Connection c = db.getConnection()) {
            if (!c.isValid(2)) {
                p.add("the database does not answer");
            }
        } catch (SQLException e) {
            p.add("the database cannot be opened: " + e.getMessage());
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health-check"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                p.add("the web admin answers " + r.statusCode());
            }
        } catch (IOException e) {
            p.add("the web admin does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.add("interrupted");
        }
        return p;
    }

    /** A package uploaded by a technician: stored, verified, installed; the box restarts shortly after. */
    Map<String, Object> upload(InputStream body, String user, boolean boardOnline) throws SystemAdmin.Refused {
        Path incoming = null;
        try {
            incoming = incoming();
            receive(body, incoming);
            return installAndRestart(incoming, "web:" + user, boardOnline);
        } catch (UpdateException e) {
            throw new SystemAdmin.Refused(status(e.kind()), e.getMessage());
        } finally {
            deleteQuietly(incoming);
        }
    }

    /** The office's command: download on the update thread, then as an upload. Returns at once. */
    Map<String, ?> fromOffice(URI url, BooleanSupplier boardOnline) {
        thread.execute(() -> {
            Path incoming = null;
            try {
                incoming = incoming();
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET()
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() != 200) {
                        throw new UpdateException(UpdateException.Kind.IO, "the package could not be downloaded from "
                                + url + ": HTTP " + r.statusCode());
                    }
                    receive(in, incoming);
                }
                installAndRestart(incoming, "office:" + url, boardOnline.getAsBoolean());
            } catch (UpdateException e) {
                log.error("the office's update from {} did not happen: {}", url, e.getMessage());
            } catch (IOException e) {
                log.error("the office's update from {} could not be downloaded: {}", url, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                deleteQuietly(incoming);
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url.toString());
        m.put("running", updater.running());
        m.put("started", true);
        return m;
    }

    /** A file of its own for each package received, so that two uploads never write into one. */
    private Path incoming() throws UpdateException {
        try {
            return Files.createTempFile(Files.createDirectories(updater.store().dir()), Updater.INCOMING_PREFIX,
                    Updater.INCOMING_SUFFIX);
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.IO, "the package cannot be received: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> installAndRestart(Path pkg, String source, boolean boardOnline) throws UpdateException {
        UpdatePackage.Manifest m = updater.install(pkg, source, boardOnline);
        thread.schedule(RESTART_DELAY, restart);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", updater.running());
        r.put("to", m.version());
        r.put("restarting", true);
        r.put("healthDeadlineS", HEALTH_DEADLINE.toSeconds());
        return r;
    }

    /** Copies a package to {@code target}, bounded, with a clear error for a full disk. */
    private void receive(InputStream in, Path target) throws UpdateException {
        try {
            long n;
            try (OutputStream out = Files.newOutputStream(target)) {
                n = in.transferTo(new Bounded(out, MAX_PACKAGE_BYTES));
            }
            if (n == 0) {
                throw new UpdateException(UpdateException.Kind.DAMAGED, "the upload was empty");
            }
        } catch (Bounded.TooLarge e) {
            throw new UpdateException(UpdateException.Kind.DAMAGED, "larger than " + (MAX_PACKAGE_BYTES >> 20)
                    + " MB: not an update package");
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw new UpdateException(full ? UpdateException.Kind.NO_SPACE : UpdateException.Kind.IO, (full
                    ? "not enough space on the data disk to receive the package" : "the package could not be received: "
                    + e.getMessage()) + "; nothing was changed, " + updater.running() + " keeps running", e);
        }
    }

    /** The update now, for the system page and the status API. */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", updater.running());
        try {
            m.put("current", updater.store().current().orElse("package"));
            m.put("installed", updater.store().installed());
            updater.state().ifPresent(s -> m.put("underWay", Map.of("step", s.step().name(), "from", s.from(), "to", s.to(),
                    "source", s.source())));
        } catch (IOException e) {
            m.put("error", e.getMessage());
        }
        m.put("onTrial", updater.onTrial());
        return m;
    }

    private static void alarm(BoxFaults faults, Updater.Outcome o) {
        Map<String, String> a = o.attrs();
        String to = a.getOrDefault("to", "?");
        String from = a.getOrDefault("from", "?");
        switch (o.type()) {
            case Updater.ATTEMPT, Updater.SWITCHED -> faults.raise(ALARM, Alarm.Severity.WARNING,
                    "firmware update from " + from + " to " + to + (o.type().equals(Updater.SWITCHED) ? ": installed, restarting"
                            : ": verified, installing"), a);
            case Updater.TRIAL -> faults.raise(ALARM, Alarm.Severity.WARNING, "firmware " + to + " on trial (from " + from
                    + "): checking its health", a);
            // the trial's warning was raised at this start: clearing it tells the office the update is done
            case Updater.SUCCEEDED -> faults.clear(ALARM);
            case Updater.REFUSED -> faults.raise(ALARM, Alarm.Severity.MINOR, "firmware update refused: "
                    + a.getOrDefault("reason", ""), a);
            case Updater.FAILED -> faults.raise(ALARM, Alarm.Severity.MAJOR, "firmware update to " + to + " failed: "
                    + a.getOrDefault("reason", ""), a);
            case Updater.ROLLING_BACK, Updater.ROLLED_BACK -> faults.raise(ALARM, Alarm.Severity.MAJOR, "firmware update"
                    + " rolled back from " + from + " to " + to + ": " + a.getOrDefault("reason", ""), a);
            default -> { }
        }
    }

    private static int status(UpdateException.Kind k) {
        return switch (k) {
            case NO_SPACE -> 507;
            case BUSY -> 409;
            case IO -> 500;
            case UNSIGNED, BAD_SIGNATURE, DAMAGED, FOREIGN, NOT_NEWER -> 422;
        };
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", p, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        thread.close();
    }

    /** Refuses to write more than a limit, so an endless upload cannot fill the disk. */
    private static final class Bounded extends java.io.FilterOutputStream {
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private long left;

        Bounded(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new TooLarge();
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
