package io.branchbox.admin.system;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.admin.web.Access;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.web.RouteSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-boot wizard ({@code /first-boot}): without a login, because nobody has a password yet,
 * so it answers only (a) while no admin password has been set and (b) to a browser on the box's
 * own LAN or the box itself (loopback, RFC 1918, link-local, IPv6 unique-local). Anyone else, and
 * everyone once the password is set, gets 404 as for a page that does not exist.
 */
public final class FirstBootHandlers {
    private static final Logger log = LoggerFactory.getLogger(FirstBootHandlers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FirstBootSetup setup;
    private final byte[] page;
    private final byte[] script;

    public FirstBootHandlers(FirstBootSetup setup) {
        this.setup = setup;
        this.page = resource("web/first-boot.html");
        this.script = resource("web/first-boot.js");
    }

    public List<RouteSpec> routes() {
        return List.of(
                new RouteSpec(GET, "/first-boot", Access.PUBLIC, ctx -> guarded(ctx).contentType("text/html; charset=utf-8")
                        .result(page)),
                new RouteSpec(GET, "/assets/first-boot.js", Access.PUBLIC, ctx -> ctx.contentType("text/javascript")
                        .result(script)),
                new RouteSpec(GET, "/api/first-boot", Access.PUBLIC, ctx -> guarded(ctx).json(setup.current())),
                new RouteSpec(POST, "/api/first-boot", Access.PUBLIC, this::apply));
    }

    private Context guarded(Context ctx) {
        if (!setup.open() || !fromLan(ctx.req().getRemoteAddr())) {
            throw new HttpProblem(404, "not found");
        }
        return ctx;
    }

    private void apply(Context ctx) {
        guarded(ctx);
        JsonNode b;
        try {
            b = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw new HttpProblem(400, "a JSON body");
        }
        FirstBootSetup.Answers a = new FirstBootSetup.Answers(b.path("siteId").asText(""), b.path("timezone").asText(""),
                b.path("password").asText(""), b.path("mqttEnabled").asBoolean(false), b.path("mqttServerUri").asText(""),
                b.path("mqttUsername").asText(""));
        try {
            Map<String, Object> done = setup.apply(a);
            log.warn("first-boot wizard completed from {}: site {}, time zone {}", ctx.req().getRemoteAddr(), a.siteId(),
                    a.timezone());
            ctx.json(done);
        } catch (FirstBootSetup.Rejected e) {
            ctx.status(400).json(Map.of("problems", e.problems()));
        }
    }

    /** Whether {@code address} is the box itself or on a private LAN. */
    public static boolean fromLan(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
                return true;
            }
            byte[] raw = a.getAddress();
            if (raw.length == 16 && (raw[0] & 0xfe) == 0xfc) {
                return true; // IPv6 unique local fc00::/7
            }
            // an IPv4-mapped IPv6 address is judged as the IPv4 address (Java already unwraps most)
            return false;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = FirstBootHandlers.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
