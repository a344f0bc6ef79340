/**
 * The box's logging set-up ({@code BoxLogConfigurator}, found by Logback through
 * {@code META-INF/services}): the appenders, levels and line format in Java rather than in
 * {@code logback.xml}, so that Logback's XML configurator is never loaded by the box.
 *
 * <p>Thread: whichever thread logs first (once, at start-up); the appenders it creates write on
 * Logback's {@code AsyncAppender-Worker-*} threads.
 *
 * <p>May import: Logback and SLF4J only.
 */
package io.branchbox.box.logging;
