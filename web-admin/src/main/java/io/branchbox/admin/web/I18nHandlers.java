package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.i18n.Catalogue;
import io.branchbox.admin.i18n.Language;
import io.branchbox.admin.users.UserStore;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The message catalogue for the pages ({@code GET /api/i18n/<lang>}, public: the login page needs
 * it and it holds no secret) and the user's own language ({@code POST /api/me/language}).
 * Threading: Jetty worker threads; the catalogue is immutable.
 */
final class I18nHandlers {
    private final Catalogue catalogue;
    private final UserStore users;
    private final RequestBodies bodies;

    I18nHandlers(Catalogue catalogue, UserStore users, RequestBodies bodies) {
        this.catalogue = catalogue;
        this.users = users;
        this.bodies = bodies;
    }

    /** Body of a language choice. */
    record LanguageChoice(String language) {}

    void catalogue(Context ctx) {
        Language language = Language.ofTag(ctx.pathParam("lang"))
                .orElseThrow(() -> HttpProblem.of(404, "core.error.language", ctx.pathParam("lang")));
        ctx.json(catalogue.all(language));
    }

    void setLanguage(Context ctx) {
        String tag = RequestBodies.required(bodies.json(ctx, LanguageChoice.class).language(), "language");
        Language language = Language.ofTag(tag).orElseThrow(() -> HttpProblem.badRequest("core.error.language", tag));
        users.setLanguage(SecurityGuard.principal(ctx).user().username(), language);
        ctx.json(Map.of("ok", true, "language", language.tag()));
    }
}
