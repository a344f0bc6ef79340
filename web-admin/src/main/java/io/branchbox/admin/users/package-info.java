/**
 * Users, roles and permissions: {@code Permission} (enum), roles as permission sets, password
 * hashes (Password4j), sessions' login checks, the access log.
 *
 * <p>Threads: Jetty's request threads; the store is thread-safe (database transactions).
 *
 * <p>May import: {@code admin.i18n}, the database (javax.sql), Password4j and Bouncy Castle (hashes).
 */
package io.branchbox.admin.users;
