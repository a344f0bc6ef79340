/**
 * Signed firmware updates with automatic rollback (docs/UPDATES.md).
 *
 * <p>{@link io.branchbox.box.update.UpdatePackage} reads and checks a package (an Ed25519
 * signature by the project's key over a manifest holding the jar's SHA-256) and writes one for the
 * project's signing tool; {@link io.branchbox.box.update.VersionStore} keeps the installed
 * versions beside each other under {@code <data>/versions} with a {@code current} link switched by
 * one rename; {@link io.branchbox.box.update.Updater} is the update's state machine, persisted step
 * by step in {@code versions/update.state} so that a restart at any point resumes or rolls back;
 * {@link io.branchbox.box.update.HealthWatch} decides, within a deadline, whether the version on
 * trial keeps running.
 *
 * <p>Threads: installing runs on the caller's thread (a web request, the {@code update} thread for
 * the office's command), one at a time; the start-up resolution on the launcher's main thread
 * before the box starts; the health watch on the scheduler it is given. Blocks on disk only (the
 * office's download is {@code UpdateService}'s). Imports the JDK and SLF4J only, plus the
 * scheduler interface of {@code io.branchbox.time}.
 */
package io.branchbox.box.update;
