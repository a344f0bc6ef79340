/**
 * First boot on an empty data directory: the box's identity (a box id made once and kept in the
 * data directory) and, for rolling out many boxes, a provisioning file found in {@code /boot} or
 * on a USB stick applied without a person, validated as a whole.
 *
 * <p>Runs on the launcher's main thread before the box opens its database; blocks on disk only.
 * Imports: firmware's configuration and the JDK. The initial admin password stays with
 * {@code admin.users.UserStore} (a file readable only by the service user).
 */
package io.branchbox.box.firstboot;
