package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Space on the data disk that recordings may never use, so the database and the journal can
 * always write and the box can always start (issue 13, problem 2). The reserve ({@link #bytes()}:
 * the configuration's {@code recording.diskReserveMiB}, factory 256 MiB, overridden by
 * {@code BOX_DISK_RESERVE_MIB} in the environment, see {@link #configuredBytes}) is kept in
 * two parts:
 * <ul>
 *   <li><b>a guard</b>: a recording write that would leave less than the rest of the reserve free fails
 *       like a full disk ({@link #guard}); the recording resumes when space returns, as after a
 *       real ENOSPC. So while the box runs, recordings alone never fill the disk.
 *   <li><b>a ballast file</b> ({@value #BALLAST}, half the reserve up to {@value #BALLAST_MAX_MIB} MiB, written and forced): when the
 *       disk is found full at start (something else filled it, or an old release), the ballast is
 *       released so the database and journal can open, the box starts degraded and runs the
 *       storage policy first ({@link #releaseIfFull}); the ballast is written again once the disk
 *       has room ({@link #keepBallast}).
 * </ul>
 *
 * <p>Threading: {@link #guard}'s channels are used on the recording writer thread; the free-space
 * reading is cached for {@value #PROBE_MILLIS} ms and shared, so it is thread-safe. The start-up
 * methods run on the start-up or maintenance thread.
 */
public final class DiskReserve {
    private static final Logger log = LoggerFactory.getLogger(DiskReserve.class);
    public static final String ENV = "BOX_DISK_RESERVE_MIB";
    /** The same setting as a system property (tests, the demo); wins over the environment. */
    public static final String PROPERTY = "branchbox.diskReserveMiB";
    public static final String BALLAST = "reserve.space";
    /** Enough for the database and journal to open and the storage policy to run. */
    static final long BALLAST_MAX_MIB = 32;
    static final long PROBE_MILLIS = 250;
    /** Written since the last free-space reading before it is read again, whatever the time. */
    private static final long PROBE_BYTES = 1L << 20;

    private final Path ballast;
    private final long reserveBytes;
    private final FreeSpace probe;
    private long lastUsable = Long.MAX_VALUE;
    private long lastProbeNanos;
    private long grantedSinceProbe;
    private boolean probed;

    private final java.util.function.LongSupplier nanos;

    public DiskReserve(Path dataDir, long reserveBytes, FreeSpace probe) {
        this(dataDir, reserveBytes, probe, System::nanoTime);
    }

    /** As above with the monotonic time of the free-space cache given (tests). */
    DiskReserve(Path dataDir, long reserveBytes, FreeSpace probe, java.util.function.LongSupplier nanos) {
        this.nanos = nanos;
        if (reserveBytes < 0) {
            throw new IllegalArgumentException("negative disk reserve: " + reserveBytes);
        }
        this.ballast = dataDir.resolve(BALLAST);
        this.reserveBytes = reserveBytes;
        this.probe = probe;
    }

    /**
     * The reserve set for this box: {@code property} (the value of {@link #PROPERTY}, may be null),
     * else the environment's {@link #ENV}, else {@code configMiB} (the configuration document's
     * {@code recording.diskReserveMiB}). The overrides exist for tests and for a technician who
     * must start a box whose document cannot be edited; an override that is not a number of MiB is
     * logged and the document's value kept.
     */
    public static long configuredBytes(String property, Map<String, String> env, long configMiB) {
        String v = property != null ? property : env.get(ENV);
        if (v == null || v.isBlank()) {
            return configMiB << 20;
        }
        try {
            long mib = Long.parseLong(v.trim());
            if (mib >= 0 && mib <= 1 << 20) {
                return mib << 20;
            }
        } catch (NumberFormatException e) {
            // falls through to the default, said once below
        }
        log.error("{}={} is not a number of MiB between 0 and 1048576; the configured {} MiB is kept", ENV, v,
                configMiB);
        return configMiB << 20;
    }

    public long bytes() {
        return reserveBytes;
    }

    /** Bytes of the ballast file when it is complete: half the reserve, at most {@value #BALLAST_MAX_MIB} MiB. */
    public long ballastBytes() {
        return Math.min(reserveBytes / 2, BALLAST_MAX_MIB << 20);
    }

    /** Bytes recordings must leave free. */
    public long guardBytes() {
        return reserveBytes - ballastBytes();
    }

    /**
     * At start, before the database opens: when less than the reserve is free, deletes the
     * ballast so the database and journal have room, and returns true (start degraded). Returns
     * false on a disk with room.
     */
    public boolean releaseIfFull() throws IOException {
        long usable = probe.usableBytes();
        if (usable >= reserveBytes) {
            return false;
        }
        boolean released = Files.deleteIfExists(ballast);
        log.error("data disk full at start: {} KiB free, reserve {} KiB; {}", usable >> 10, reserveBytes >> 10,
                released ? "ballast " + ballast + " released for the database and journal" : "no ballast to release");
        return true;
    }

    /**
     * Writes the ballast when it is missing or short and the disk has room for it and the guard.
     * Returns whether the ballast is complete. Never throws: a failure leaves no partial ballast.
     */
    public boolean keepBallast() {
        try {
            if (Files.exists(ballast) && Files.size(ballast) >= ballastBytes()) {
                return true;
            }
            if (probe.usableBytes() < ballastBytes() + reserveBytes) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                // real blocks, not a sparse file: only written zeros hold the space
                ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
                for (long at = 0; at < ballastBytes(); at += zeros.capacity()) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), ballastBytes() - at));
                    while (zeros.hasRemaining()) {
                        ch.write(zeros, at + zeros.position());
                    }
                }
                ch.force(true);
            }
            log.info("disk reserve: ballast {} of {} KiB written", ballast, ballastBytes() >> 10);
            return true;
        } catch (IOException e) {
            log.warn("disk reserve: ballast {} not written ({}); retried later", ballast, e.toString());
            try {
                Files.deleteIfExists(ballast);
            } catch (IOException again) {
                log.warn("disk reserve: partial ballast {} not removed: {}", ballast, again.toString());
            }
            return false;
        }
    }

    /** {@code inner}'s channels, refusing a write that would leave less than {@link #guardBytes()} free. */
    public ChannelOpener guard(ChannelOpener inner) {
        return file -> new ReservedChannel(inner.open(file), this);
    }

    /** Whether {@code n} more bytes may be written; reads the free space again when the cached reading is old. */
    synchronized boolean grant(long n) throws IOException {
        long now = nanos.getAsLong();
        if (!probed || now - lastProbeNanos > PROBE_MILLIS * 1_000_000 || grantedSinceProbe > PROBE_BYTES) {
            lastUsable = probe.usableBytes();
            lastProbeNanos = now;
            grantedSinceProbe = 0;
            probed = true;
        }
        if (lastUsable - grantedSinceProbe - n < guardBytes()) {
            return false;
        }
        grantedSinceProbe += n;
        return true;
    }
}
