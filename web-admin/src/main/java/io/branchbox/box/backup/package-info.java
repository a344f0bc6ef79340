/**
 * Backup and restore of a box: one POSIX tar file holding the configuration document, the H2
 * database, the journal and (optionally) the recordings, with a header entry first
 * ({@code BACKUP-INFO.json}: product, format, firmware version, configuration schema, box) and a
 * manifest last ({@code MANIFEST.json}: every entry's size and SHA-256 of exactly the bytes
 * written).
 *
 * <p>{@link io.branchbox.box.backup.BackupWriter} writes a file beside its final name and renames
 * it only when complete; {@link io.branchbox.box.backup.BackupRestorer} checks the header, then
 * extracts into a staging directory checking every checksum, and swaps the staged files in only
 * when all of it is good; {@link io.branchbox.box.backup.BackupSchedule} makes one a day and keeps
 * the newest N. Threading: all of it blocks on disk; it runs on a thread of its own (the
 * {@code backup} scheduler, a web request's thread, or the launcher's main thread), never on
 * signalling. Imports: firmware's configuration, the JDK, Jackson and Commons Compress.
 */
package io.branchbox.box.backup;
