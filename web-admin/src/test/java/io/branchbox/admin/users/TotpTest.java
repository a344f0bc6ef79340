package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238TestVectorsForSha1() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
            {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] v : vectors) {
            assertEquals(String.format("%08d", v[1]), Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(v[0])), 8),
                    "T=" + v[0]);
        }
    }

    @Test
    void aSixDigitCodeMatchesWithinOneStepEitherSideAndNothingElse() {
        String secret = Totp.base32(RFC_KEY);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", secret, "RFC 4648 Base32 of the RFC key");
        Instant at = Instant.ofEpochSecond(1111111111);
        String code = Totp.code(RFC_KEY, Totp.step(at), 6);

        assertEquals("050471", code);
        assertEquals(Totp.step(at), Totp.matchingStep(secret, code, at));
        assertEquals(Totp.step(at), Totp.matchingStep(secret, code, at.plusSeconds(30)));
        assertEquals(-1, Totp.matchingStep(secret, code, at.plusSeconds(90)));
        assertEquals(-1, Totp.matchingStep(secret, "123456", at));
        assertEquals(-1, Totp.matchingStep(secret, "05047", at));
        assertEquals(-1, Totp.matchingStep("not base32!", code, at));
    }
}
