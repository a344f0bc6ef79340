/**
 * The one configuration document: {@link io.branchbox.firmware.config.BoxConfig} (schema 3), its
 * one strict parser ({@code ConfigParser}, {@code ConfigShape}, stable {@code config.err.*} codes),
 * validation as a whole ({@code ConfigValidator}), the migration chain ({@code ConfigMigrations}),
 * revisions with an audit trail ({@code ConfigRevisions}) and the live-apply plan
 * ({@code ConfigApplyPlan}); shifts and business calendars read from it.
 *
 * <p>Thread: immutable values and stateless functions, any thread; {@code ConfigRevisions} writes
 * files and is called from the web admin's threads, one save at a time.
 *
 * <p>May import: Jackson, the JDK, and {@code drivers.cb1.msg.Units} for the board's port counts (the
 * seat count is its headset count). Every other package may read the document.
 */
package io.branchbox.firmware.config;
