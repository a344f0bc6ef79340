package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.argon2id(1024, 1, 1);

    @Test
    void aHashVerifiesItsPasswordOnlyAndCarriesItsParameters() {
        String hash = hasher.hash("correct horse battery");

        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertFalse(hasher.verify("correct horse battery", hash.replace("m=1024", "m=2048")));
    }

    @Test
    void hashesWrittenByTheEarlierLibraryStillVerifySoNobodyIsLockedOut() {
        String old = Password.hash("密码也可以是中文的 horse").addRandomSalt(16)
                .with(Argon2Function.getInstance(2048, 2, 1, 32, Argon2.ID)).getResult();

        assertTrue(hasher.verify("密码也可以是中文的 horse", old), old);
        assertFalse(hasher.verify("密码也可以是中文的 house", old));
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=1024,t=1,p=1$!!!!!!!!!!!!!!!!$aGFzaGhhc2hoYXNoaGFzaA",
                "$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"}) {
            assertFalse(hasher.verify("x", bad), bad);
        }
    }
}
