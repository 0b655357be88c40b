package app.chorus.share;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets a broadcaster (and a polling receiver) must send as the whole {@code Authorization}
 * header, as the desktop client does. Compared in constant time: both sides are hashed to the
 * same length first and every token is checked, so neither the length nor the position of a
 * mismatch shows in the timing. Immutable and thread-safe.
 */
public final class ShareTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ShareTokens.class);
    /** Where a generated token is kept, in the data folder. */
    public static final String TOKEN_FILE = "share-token";

    private final List<byte[]> digests;

    private ShareTokens(List<String> tokens) {
        this.digests = tokens.stream().map(ShareTokens::digest).toList();
    }

    /** Exactly these tokens; at least one, none blank. */
    public static ShareTokens of(List<String> tokens) {
        if (tokens.isEmpty() || tokens.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("share tokens must be non-empty");
        }
        return new ShareTokens(tokens);
    }

    /**
     * The configured tokens, or when none are configured the token kept in the data folder,
     * generated (and printed, this once) on the first start. Never a fixed default.
     */
    public static ShareTokens load(List<String> configured, Path dataDir) {
        if (!configured.isEmpty()) {
            return of(configured);
        }
        Path file = dataDir.resolve(TOKEN_FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.isEmpty()) {
                    return of(List.of(kept));
                }
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Path temporary = Files.createTempFile(dataDir, TOKEN_FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply.
            }
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("Music share: no share-tokens configured, so this token was generated and kept in {}. "
                    + "Broadcasters send it as their Authorization header: {}", file, token);
            return of(List.of(token));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the music share token " + file, e);
        }
    }

    /** Whether the whole header value is one of the tokens. */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        byte[] offered = digest(authorization);
        boolean match = false;
        for (byte[] token : digests) {
            match |= MessageDigest.isEqual(offered, token);
        }
        return match;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
