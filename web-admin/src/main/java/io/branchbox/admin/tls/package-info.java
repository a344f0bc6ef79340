/**
 * The web admin's HTTPS identity: the box's own key and self-signed certificate, made at first
 * start and kept in the data directory, or one a technician uploaded ({@code UploadedCertificate},
 * checked by content). Used once at start-up by the web server; no threads of its
 * own. May import the JDK and Bouncy Castle only.
 */
package io.branchbox.admin.tls;
