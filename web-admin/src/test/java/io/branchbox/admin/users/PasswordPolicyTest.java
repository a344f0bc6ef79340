package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void lengthIsWhatCounts() {
        assertEquals(Optional.of("core.error.passwordShort"), PasswordPolicy.problem("u", "elevenchars"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("u", "twelve chars"));
        assertEquals(Optional.of("core.error.passwordLong"),
                PasswordPolicy.problem("u", "x".repeat(64) + "y".repeat(65)));
    }

    @Test
    void trivialPasswordsAreRefused() {
        assertEquals(Optional.of("core.error.passwordRepeats"),
                PasswordPolicy.problem("u", "aaaaaaaaaaaaaaaa"));
        assertEquals(Optional.of("core.error.passwordIsName"),
                PasswordPolicy.problem("technician01", "TECHNICIAN01"));
    }

    @Test
    void generatedPasswordsPassThePolicyAndDiffer() {
        String a = PasswordPolicy.generate();
        String b = PasswordPolicy.generate();

        assertEquals(20, a.length());
        assertTrue(a.matches("[a-km-zA-HJ-NP-Z2-9]+"), "no look-alike characters: " + a);
        assertEquals(Optional.empty(), PasswordPolicy.problem("admin", a));
        assertNotEquals(a, b);
    }
}
