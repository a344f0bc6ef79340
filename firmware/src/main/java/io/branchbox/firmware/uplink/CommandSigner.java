package io.branchbox.firmware.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC of a command (docs/MQTT.md, "Commands"): HMAC-SHA256, keyed with the per-box key,
 * over the <em>canonical form</em> of the command object without its {@code hmac} member,
 * written as 64 lower-case hex digits.
 *
 * <p>Canonical form: JSON without any white space, object members sorted by name (UTF-16 code
 * units, as {@link String#compareTo}), strings escaped only where JSON requires it ({@code \"},
 * {@code \\}, {@code \b \f \n \r \t}, other control characters as backslash-u plus four lower-case hex digits
 * hex), numbers only as integers in plain decimal. Python's
 * {@code json.dumps(cmd, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and
 * {@code jq -cS} produce the same bytes for such values. Fractional numbers are refused: their
 * spelling differs between languages, so they could never be signed reliably.
 *
 * <p>Stateless and thread-safe. Public so that office tools and tests sign exactly as the box
 * verifies.
 */
public final class CommandSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private CommandSigner() {}

    /** The canonical form of {@code node}; {@link IllegalArgumentException} for fractional numbers. */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** The hex HMAC of {@code command} (its {@code hmac} member, if any, left out). */
    public static String sign(Secret key, ObjectNode command) {
        ObjectNode unsigned = command.deepCopy();
        unsigned.remove("hmac");
        return HexFormat.of().formatHex(mac(key, canonical(unsigned)));
    }

    /** Adds the {@code hmac} member to {@code command} and returns it. */
    public static ObjectNode signInPlace(Secret key, ObjectNode command) {
        return command.put("hmac", sign(key, command));
    }

    /** True if {@code hexHmac} is the HMAC of {@code command}; compares in constant time. */
    static boolean verify(Secret key, ObjectNode command, String hexHmac) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hexHmac);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        ObjectNode unsigned = command.deepCopy();
        unsigned.remove("hmac");
        return MessageDigest.isEqual(mac(key, canonical(unsigned)), given);
    }

    private static byte[] mac(Secret key, String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
            return mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256; without it the JDK is broken
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            n.fields().forEachRemaining(members::add);
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(n.get(i), out);
            }
            out.append(']');
        } else if (n.isTextual()) {
            string(n.textValue(), out);
        } else if (n.isIntegralNumber()) {
            out.append(n.bigIntegerValue());
        } else if (n.isBoolean() || n.isNull()) {
            out.append(n.asText());
        } else {
            throw new IllegalArgumentException("only strings, integers, booleans, null, arrays and objects can be "
                    + "signed; found " + n.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
