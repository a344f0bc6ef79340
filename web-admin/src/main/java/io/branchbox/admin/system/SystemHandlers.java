package io.branchbox.admin.system;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.branchbox.admin.users.Permission;
import io.branchbox.admin.web.Access;
import io.branchbox.admin.web.AdminServer;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.web.RouteSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system area's routes. Every act is logged with the user's name. A factory reset must be
 * confirmed with the word {@code FACTORY-RESET} in its body, so that no stray request wipes a box.
 */
public final class SystemHandlers {
    private static final Logger log = LoggerFactory.getLogger(SystemHandlers.class);
    /** The word a factory reset request must carry. */
    public static final String CONFIRM = "FACTORY-RESET";
    private static final Pattern BACKUP_NAME = Pattern.compile("branchbox-[A-Za-z0-9_.-]{1,64}-\\d{8}-\\d{6}\\.tar");

    private final SystemAdmin system;

    private final byte[] statusScript = FirstBootHandlers.resource("web/status-appliance.js");
    private final byte[] page = FirstBootHandlers.resource("web/system.html");
    private final byte[] pageScript = FirstBootHandlers.resource("web/system.js");

    public SystemHandlers(SystemAdmin system) {
        this.system = system;
    }

    /** The routes, each needing {@link Permission#SYSTEM_ADMIN} but the status page's first-boot report. */
    public List<RouteSpec> routes() {
        Access admin = Access.permission(Permission.SYSTEM_ADMIN);
        return List.of(
                new RouteSpec(GET, "/system", admin, ctx -> ctx.contentType("text/html; charset=utf-8").result(page)),
                new RouteSpec(GET, "/assets/system.js", admin, ctx -> ctx.contentType("text/javascript").result(pageScript)),
                new RouteSpec(GET, "/api/system", admin, this::status),
                new RouteSpec(GET, "/api/system/backups", admin, this::list),
                new RouteSpec(POST, "/api/system/backups", admin, this::backup),
                new RouteSpec(GET, "/api/system/backups/{name}", admin, this::download),
                new RouteSpec(POST, "/api/system/factory-reset", admin, this::factoryReset),
                new RouteSpec(POST, "/api/system/update", admin, this::update),
                new RouteSpec(GET, "/api/system/first-boot-report", Access.permission(Permission.STATUS_VIEW),
                        ctx -> ctx.json(system.firstBootReport())),
                new RouteSpec(GET, "/assets/status-appliance.js", Access.permission(Permission.STATUS_VIEW),
                        ctx -> ctx.contentType("text/javascript").result(statusScript)));
    }

    void status(Context ctx) {
        ctx.json(system.status());
    }

    void list(Context ctx) throws IOException {
        ctx.json(Map.of("backups", system.backups()));
    }

    void backup(Context ctx) {
        boolean recordings = "true".equals(ctx.queryParam("recordings"));
        String user = AdminServer.userOf(ctx);
        log.info("{} makes a backup (recordings {})", user, recordings ? "included" : "not included");
        try {
            SystemAdmin.BackupFile f = system.backupNow(recordings);
            ctx.status(201).json(f);
        } catch (SystemAdmin.Refused e) {
            throw new HttpProblem(e.status(), e.getMessage());
        }
    }

    void download(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!BACKUP_NAME.matcher(name).matches()) {
            throw new HttpProblem(404, "no such backup");
        }
        log.info("{} downloads backup {}", AdminServer.userOf(ctx), name);
        ctx.contentType("application/x-tar");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try {
            system.download(name, ctx.outputStream());
        } catch (SystemAdmin.Refused e) {
            throw new HttpProblem(e.status(), e.getMessage());
        }
    }

    /** Body: the package itself ({@code application/octet-stream}), streamed to the data disk. */
    void update(Context ctx) throws IOException {
        String user = AdminServer.userOf(ctx);
        log.warn("{} uploads a firmware update package", user);
        try {
            ctx.status(202).json(system.update(ctx.req().getInputStream(), user));
        } catch (SystemAdmin.Refused e) {
            log.warn("firmware update from {} refused: {}", user, e.getMessage());
            throw new HttpProblem(e.status(), e.getMessage());
        }
    }

    /** Body: {@code {"confirm":"FACTORY-RESET","keepRecordings":true}}. */
    void factoryReset(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (RuntimeException e) {
            throw new HttpProblem(400, "a JSON body {\"confirm\":\"" + CONFIRM + "\",\"keepRecordings\":true|false}");
        }
        if (!CONFIRM.equals(body.get("confirm"))) {
            throw new HttpProblem(400, "confirm with \"confirm\":\"" + CONFIRM + "\"");
        }
        if (!(body.get("keepRecordings") instanceof Boolean keep)) {
            throw new HttpProblem(400, "say whether the recordings stay: \"keepRecordings\": true or false");
        }
        String user = AdminServer.userOf(ctx);
        log.warn("{} resets the box to the factory state (recordings {})", user, keep ? "kept" : "deleted");
        system.factoryReset(keep, user);
        ctx.status(202).json(Map.of("reset", true, "keepRecordings", keep, "restarting", true));
    }
}
