package io.branchbox.admin.web;

import io.branchbox.admin.users.User;

/**
 * The logged-in user behind a request, attached by {@link SecurityGuard} before the handler runs.
 *
 * @param session the session the request came with
 * @param user    the account, freshly read for this request
 */
record Principal(WebSession session, User user) {}
