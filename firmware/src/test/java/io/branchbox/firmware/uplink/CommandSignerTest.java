package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and HMAC against a vector made independently with Python's
 * {@code json.dumps(cmd, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and
 * {@code hmac.new(key, canonical, hashlib.sha256).hexdigest()}, so office tools in other
 * languages are known to agree with the box.
 */
class CommandSignerTest {

    static final Secret KEY = Secret.of("0123456789abcdef0123456789abcdef-test-key");

    /** A capture command whose args need every kind of escape, members deliberately unsorted. */
    static final String COMMAND = "{"
            + "\"schema\":\"branchbox.command/1\","
            + "\"id\":\"c-1\","
            + "\"site\":\"s1\","
            + "\"box\":\"b1\","
            + "\"ts\":\"2026-01-01T00:01:00Z\","
            + "\"cmd\":\"capture\","
            // tab, quote, backslash, a control character and a non-ASCII letter
            + "\"args\":{\"span\":0,\"action\":\"start\",\"note\":\"tab\\there \\\"q\\\" \\\\ \\u0001 \u00e9\"}"
            + "}";

    /** Python's output for COMMAND: members sorted at every level, minimal escapes, no spaces. */
    static final String CANONICAL = "{\"args\":{\"action\":\"start\",\"note\":\"tab\\there \\\"q\\\" \\\\ \\u0001 \u00e9\","
            + "\"span\":0},\"box\":\"b1\",\"cmd\":\"capture\",\"id\":\"c-1\",\"schema\":\"branchbox.command/1\","
            + "\"site\":\"s1\",\"ts\":\"2026-01-01T00:01:00Z\"}";

    /** Python's HMAC-SHA256 of CANONICAL under KEY. */
    static final String HMAC = "f136d9122661bcab8ce3d7ef8b0115e5c08308de866ba6eabb6fa7db7429435e";

    @Test
    void canonicalFormAndHmacMatchAnIndependentImplementation() {
        ObjectNode cmd = (ObjectNode) Schemas.parse(COMMAND);
        assertEquals(CANONICAL, CommandSigner.canonical(cmd));
        assertEquals(HMAC, CommandSigner.sign(KEY, cmd));
    }

    @Test
    void hmacMemberIsLeftOutAndVerifiedInConstantTimeComparison() {
        ObjectNode cmd = CommandSigner.signInPlace(KEY, (ObjectNode) Schemas.parse(COMMAND));
        assertEquals(HMAC, cmd.get("hmac").asText());
        assertTrue(CommandSigner.verify(KEY, cmd, HMAC));
        assertFalse(CommandSigner.verify(Secret.of("another-key-another-key-another-key"), cmd, HMAC));
        assertFalse(CommandSigner.verify(KEY, cmd, "not hex"));
        cmd.put("cmd", "config");
        assertFalse(CommandSigner.verify(KEY, cmd, HMAC), "any changed member breaks the HMAC");
    }

    @Test
    void fractionalNumbersCannotBeSigned() {
        ObjectNode cmd = (ObjectNode) Schemas.parse("{\"args\":{\"gain\":0.5}}");
        assertThrows(IllegalArgumentException.class, () -> CommandSigner.sign(KEY, cmd));
    }
}
