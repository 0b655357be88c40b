package app.chorus.rooms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a browser passed {@code /rooms/verify} for a password room: a token
 * {@code <expiry ms>.<HMAC>} kept in an HttpOnly cookie named per room. The HMAC covers the room id,
 * the expiry and the room's password hash, so changing the password revokes every proof.
 * Thread-safe.
 */
public final class RoomAccess {
    /** Proof cookies are named this prefix plus a digest of the room id (ids may hold any character). */
    public static final String COOKIE_PREFIX = "chorus_room_";

    private final SecretKeySpec key;
    private final Duration ttl;

    public RoomAccess(byte[] secret, Duration ttl) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
    }

    /** How long a proof lasts. */
    public Duration ttl() {
        return ttl;
    }

    /** The cookie name that carries the proof for this room. */
    public static String cookieName(String roomId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(roomId.getBytes(StandardCharsets.UTF_8));
            return COOKIE_PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new proof for the room, valid until now + ttl. */
    public String issue(String roomId, String passwordHash, Instant now) {
        long expiry = now.plus(ttl).toEpochMilli();
        return expiry + "." + sign(roomId, passwordHash, expiry);
    }

    /** Whether the token proves access to this room now. */
    public boolean accepts(String token, String roomId, String passwordHash, Instant now) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry < now.toEpochMilli()) {
            return false;
        }
        byte[] expected = sign(roomId, passwordHash, expiry).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private String sign(String roomId, String passwordHash, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String message = roomId + "\n" + expiry + "\n" + passwordHash;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
