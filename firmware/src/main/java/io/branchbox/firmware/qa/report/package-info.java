/**
 * QA reports as values: the daily bulletin per shift (praise and faults) and the monthly report
 * per agent (scores, trend, fatal errors, items most often missed), folded from the
 * {@link io.branchbox.firmware.qa.QaBook}. The web admin renders and exports them (CSV, PDF).
 *
 * <p>Pure reads of the book: any thread. Imports {@code qa}, {@code qa.form}, {@code config}.
 */
package io.branchbox.firmware.qa.report;
