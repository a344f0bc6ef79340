package io.branchbox.firmware.recording;

/**
 * The technician's storage policy. {@code retentionDays}: recordings older than this are deleted
 * (oldest first, never under legal hold). {@code warnFreePercent} and {@code criticalFreePercent}:
 * free-space thresholds in percent of the file system. {@code fullBelowBytes}: below this much
 * free space the disk counts as {@link StorageLevel#FULL}. {@code deleteEarlyWhenCritical}: only
 * when the technician sets this may recordings still within retention be deleted, oldest first,
 * while the level is {@link StorageLevel#CRITICAL} or worse.
 */
public record StorageSettings(int retentionDays, double warnFreePercent, double criticalFreePercent,
        long fullBelowBytes, boolean deleteEarlyWhenCritical) {

    /** Six months; warn at 15 % free, critical at 5 %, full below 64 MiB; no early deletion. */
    public static final StorageSettings DEFAULTS = new StorageSettings(183, 15.0, 5.0, 64L << 20, false);

    public StorageSettings {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retention must be at least one day, got " + retentionDays);
        }
        if (!(criticalFreePercent > 0 && criticalFreePercent < warnFreePercent && warnFreePercent < 100)) {
            throw new IllegalArgumentException("need 0 < critical < warn < 100 percent free, got critical "
                    + criticalFreePercent + ", warn " + warnFreePercent);
        }
        if (fullBelowBytes < 0) {
            throw new IllegalArgumentException("full threshold must not be negative: " + fullBelowBytes);
        }
    }

    /** These settings with another retention (the config's {@code recording.retentionDays}). */
    public StorageSettings withRetentionDays(int days) {
        return new StorageSettings(days, warnFreePercent, criticalFreePercent, fullBelowBytes, deleteEarlyWhenCritical);
    }

    /** The level for {@code usable} free bytes out of {@code total}. */
    public StorageLevel levelFor(long usable, long total) {
        if (usable < fullBelowBytes) {
            return StorageLevel.FULL;
        }
        double freePercent = total <= 0 ? 0 : usable * 100.0 / total;
        if (freePercent < criticalFreePercent) {
            return StorageLevel.CRITICAL;
        }
        return freePercent < warnFreePercent ? StorageLevel.WARN : StorageLevel.OK;
    }
}
