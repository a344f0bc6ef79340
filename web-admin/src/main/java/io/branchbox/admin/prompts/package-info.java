/**
 * Prompt sets on the web: list, listen, upload (checked and converted to 8 kHz A-law), activate.
 *
 * <p>Threads: Jetty's request threads (file I/O).
 *
 * <p>May import: {@code admin.http}, firmware's {@code audio}.
 */
package io.branchbox.admin.prompts;
