/**
 * What every web admin area shares below the router: {@link io.branchbox.admin.http.HttpProblem}
 * (an error with its status and catalogue key) and {@link io.branchbox.admin.http.JsonBodies}
 * (strict JSON request bodies).
 *
 * <p>Thread: Jetty's request threads; stateless.
 *
 * <p>May import: Javalin only; every {@code admin} package may import it.
 */
package io.branchbox.admin.http;
