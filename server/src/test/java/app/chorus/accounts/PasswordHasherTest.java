package app.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsAnArgon2idPhcStringWithTheOwaspParameters() {
        String hash = hasher.hash("hunter2");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
        String first = hasher.hash("hunter2");
        String second = hasher.hash("hunter2");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("hunter2", first)).isTrue();
        assertThat(hasher.verify("hunter2", second)).isTrue();
    }

    @Test
    void theRightPasswordVerifies() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotVerify() {
        String hash = hasher.hash("hunter2");

        assertThat(hasher.verify("hunter3", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.verify("HUNTER2", hash)).isFalse();
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        String hash = hasher.hash("pässwörd 🎤");

        assertThat(hasher.verify("pässwörd 🎤", hash)).isTrue();
        assertThat(hasher.verify("passwora 🎤", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain text",
            "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA",
            "$argon2id$v=19$m=19456,t=2,x=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2,p=1$not*base64$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$$"
    })
    void aMalformedHashNeverVerifies(String malformed) {
        assertThat(hasher.verify("hunter2", malformed)).isFalse();
    }
}
