package app.chorus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomAccessTest {
    private static final byte[] SECRET = "a server secret of thirty-two by".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2030-01-01T12:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    private static final String OTHER_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI";

    private final RoomAccess access = new RoomAccess(SECRET, Duration.ofHours(12));

    @Test
    void aProofVerifiesForItsRoomAndPasswordHash() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);

        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED)).isTrue();
        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED.plus(Duration.ofHours(11)))).isTrue();
    }

    @Test
    void aProofCarriesItsExpiryInEpochMilliseconds() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);

        assertThat(proof).startsWith(ISSUED.plus(Duration.ofHours(12)).toEpochMilli() + ".");
        assertThat(access.ttl()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aProofDoesNotOpenAnotherRoom() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);

        assertThat(access.accepts(proof, "karaoke-night-2", HASH, ISSUED)).isFalse();
        assertThat(access.accepts(proof, "other", HASH, ISSUED)).isFalse();
    }

    @Test
    void aProofStopsWorkingWhenTheRoomPasswordChanges() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);

        assertThat(access.accepts(proof, "karaoke-night", OTHER_HASH, ISSUED)).isFalse();
    }

    @Test
    void aProofExpiresAfterItsTimeToLive() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);

        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED.plus(Duration.ofHours(12)))).isTrue();
        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED.plus(Duration.ofHours(12)).plusMillis(1))).isFalse();
        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void aProofSignedWithAnotherSecretIsRefused() {
        RoomAccess otherServer = new RoomAccess("another secret of thirty-two byt".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(12));
        String proof = otherServer.issue("karaoke-night", HASH, ISSUED);

        assertThat(access.accepts(proof, "karaoke-night", HASH, ISSUED)).isFalse();
    }

    @Test
    void aTamperedProofIsRefused() {
        String proof = access.issue("karaoke-night", HASH, ISSUED);
        int dot = proof.indexOf('.');
        String expiry = proof.substring(0, dot);
        String signature = proof.substring(dot + 1);
        String laterExpiry = String.valueOf(Long.parseLong(expiry) + 86_400_000L);
        char last = signature.charAt(signature.length() - 1);
        String flipped = signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(access.accepts(laterExpiry + "." + signature, "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts(expiry + "." + flipped, "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts(expiry + "." + signature + "x", "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts(expiry + ".", "karaoke-night", HASH, ISSUED)).isFalse();
    }

    @Test
    void garbageTokensAreRefused() {
        assertThat(access.accepts(null, "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts("", "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts("no-dot-here", "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts(".signature", "karaoke-night", HASH, ISSUED)).isFalse();
        assertThat(access.accepts("soon.signature", "karaoke-night", HASH, ISSUED)).isFalse();
    }

    @Test
    void cookieNamesArePerRoomAndSafeForAnyRoomId() {
        String plain = RoomAccess.cookieName("karaoke-night");
        String odd = RoomAccess.cookieName("späti; path=/ \"room\"");

        assertThat(plain).matches(RoomAccess.COOKIE_PREFIX + "[0-9a-f]{24}");
        assertThat(odd).matches(RoomAccess.COOKIE_PREFIX + "[0-9a-f]{24}");
        assertThat(plain).isNotEqualTo(odd).isEqualTo(RoomAccess.cookieName("karaoke-night"));
    }
}
