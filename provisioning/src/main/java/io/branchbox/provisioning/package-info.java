/**
 * {@code provision validate/import/defaults}: checks a configuration document whole with the
 * box's own parser and validator, and writes the factory document.
 *
 * <p>Thread: the command line's main thread.
 *
 * <p>May import: {@code firmware.config} only.
 */
package io.branchbox.provisioning;
