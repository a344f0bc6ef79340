package io.branchbox.admin.web;

import io.branchbox.admin.users.User;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one menu of the web admin. A page appears in a user's menu when it is in the route table and
 * the user may open it, so the menu never shows a page the user would be refused or that this box
 * does not have (reports, QA, configuration arrive with their modules).
 *
 * <p>Adding a page to the menu means adding one {@link Item} to {@link #ITEMS} with a label key
 * in the {@code core} catalogue. Threading: {@link #routes} is set once when the table is built,
 * before the server starts; afterwards read-only.
 */
final class Navigation {

    /** One menu entry: the page's path and the catalogue key of its label. */
    record Item(String path, String labelKey) {
        Item {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(labelKey, "labelKey");
        }
    }

    /** The menu in its order; only the items a user may open are shown. */
    static final List<Item> ITEMS = List.of(
            new Item("/", "core.nav.status"),
            new Item("/wallboard", "core.nav.wallboard"),
            new Item("/console", "core.nav.console"),
            new Item("/workorders", "workorder.nav.list"),
            new Item("/handover", "workorder.nav.handover"),
            new Item("/crews", "workorder.nav.crews"),
            new Item("/reports", "core.nav.reports"),
            new Item("/qa", "core.nav.qa"),
            new Item("/recordings", "core.nav.recordings"),
            new Item("/config", "core.nav.config"),
            new Item("/prompts", "core.nav.prompts"),
            new Item("/diagnostics", "core.nav.diagnostics"),
            new Item("/audit", "core.nav.audit"),
            new Item("/users", "core.nav.users"),
            new Item("/system", "appliance.nav.system"));

    private volatile List<RouteSpec> routes = List.of();

    void routes(List<RouteSpec> table) {
        this.routes = List.copyOf(table);
    }

    /** The items {@code user} may open, in menu order. */
    List<Item> itemsFor(User user) {
        List<Item> items = new ArrayList<>();
        for (Item item : ITEMS) {
            if (mayOpen(user, item.path())) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * Where {@code user} lands after login: the home page of their first role when this box has it
     * and they may open it, else the first page of their menu, else the password page.
     */
    String home(User user) {
        String wanted = user.homePage();
        if (mayOpen(user, wanted)) {
            return wanted;
        }
        List<Item> items = itemsFor(user);
        return items.isEmpty() ? "/password" : items.getFirst().path();
    }

    private boolean mayOpen(User user, String path) {
        for (RouteSpec route : routes) {
            if (route.method() == HandlerType.GET && route.path().equals(path)) {
                return switch (route.access()) {
                    case Access.Permitted p -> user.may(p.permission());
                    case Access.SignedIn s -> true;
                    case Access.Public p -> true;
                };
            }
        }
        return false;
    }
}
