package app.chorus.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * Long-lived random secrets kept in the database, so every node (and every restart) signs and
 * checks tokens with the same key. Thread-safe.
 */
public final class ServerSecrets {
    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public ServerSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The secret of this name, created with 32 random bytes on first use. */
    public byte[] getOrCreate(String name) {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        String encoded = Base64.getEncoder().encodeToString(candidate);
        return jdbi.inTransaction(handle -> {
            // Two nodes starting at once both insert; the first wins and both read the winner.
            handle.createUpdate("INSERT INTO server_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("value", encoded).execute();
            String stored = handle.createQuery("SELECT value FROM server_secrets WHERE name = :name")
                    .bind("name", name).mapTo(String.class).one();
            return Base64.getDecoder().decode(stored);
        });
    }
}
