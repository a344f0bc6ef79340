/**
 * The box's command line and launcher: {@code BoxMain} (run, {@code analyze-line},
 * {@code report}, and {@code BoxTools}: version, provision, backup, restore), {@code BoxLauncher}
 * (the runtime, the web admin, the uplink), {@code ApplianceServices} (system area, backups,
 * systemd).
 *
 * <p>Threads: main; {@code uplink}, {@code backup}, {@code systemd-watchdog},
 * {@code factory-reset}, {@code restart} (names in {@link io.branchbox.time.ThreadNames}).
 *
 * <p>May import: everything of the product (it is the entry point); nothing imports it but the demo.
 */
package io.branchbox.box;
