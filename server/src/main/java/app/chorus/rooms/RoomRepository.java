package app.chorus.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores karaoke rooms: settings, queue (as JSON, written whole with its version), the current
 * item, player and performance state. The same SQL runs on SQLite and PostgreSQL. Thread-safe (Jdbi handles are per call).
 */
public final class RoomRepository {
    private static final TypeReference<List<QueueItem>> QUEUE_TYPE = new TypeReference<>() {
    };

    private static final String SAVE_STATE = """
            UPDATE karaoke_rooms SET queue_json = ?, queue_version = ?, player_state_json = ?,
                player_version = ?, updated_at_ms = ?, performance_json = ?, current_item_json = ?,
                last_item_number = ?
            WHERE id = ?""";

    private final Jdbi jdbi;
    private final ObjectMapper json;

    public RoomRepository(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** A room as stored. */
    public record StoredRoom(String id, RoomSettings settings, List<QueueItem> queue, long queueVersion,
                             PlayerState player, long playerVersion, Instant updatedAt, Performance performance,
                             QueueItem current, int lastItemNumber) {
    }

    /** Inserts a new room; false when a room with this id already exists. */
    public boolean insert(String id, RoomSettings settings) {
        long createdAt = settings.createdAt().toEpochMilli();
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO karaoke_rooms (id, is_public, password_hash, created_at_ms, queue_json,
                            queue_version, player_state_json, player_version, updated_at_ms)
                        VALUES (:id, :isPublic, :passwordHash, :createdAt, '[]', 1, NULL, 0, :createdAt)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", id)
                .bind("isPublic", settings.isPublic())
                .bind("passwordHash", settings.passwordHash())
                .bind("createdAt", createdAt)
                .execute());
        return inserted == 1;
    }

    /** The stored room, if it exists. */
    public Optional<StoredRoom> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, is_public, password_hash, created_at_ms, queue_json, queue_version,
                               player_state_json, player_version, updated_at_ms, performance_json,
                               current_item_json, last_item_number
                        FROM karaoke_rooms WHERE id = :id""")
                .bind("id", id)
                .map((row, context) -> new StoredRoom(
                        row.getString("id"),
                        new RoomSettings(row.getBoolean("is_public"), row.getString("password_hash"),
                                Instant.ofEpochMilli(row.getLong("created_at_ms"))),
                        read(row.getString("queue_json"), QUEUE_TYPE),
                        row.getLong("queue_version"),
                        readPlayer(row.getString("player_state_json")),
                        row.getLong("player_version"),
                        Instant.ofEpochMilli(row.getLong("updated_at_ms")),
                        readPerformance(row.getString("performance_json")),
                        readCurrent(row.getString("current_item_json")),
                        row.getInt("last_item_number")))
                .findOne());
    }

    /**
     * Writes the queue and player state of a room; committed when this returns. This runs once
     * per room command, so it binds through plain JDBC on the handle's connection: Jdbi's named
     * parameter binding and argument lookup cost more CPU than SQLite's own work for this one
     * small UPDATE (measured under load; see loadtest/README.md).
     */
    public void saveState(RoomState state, Instant now) {
        String queue = write(state.queue());
        String player = state.player() == null ? null : write(state.player());
        String performance = write(state.performance());
        String current = state.current() == null ? null : write(state.current());
        jdbi.useHandle(handle -> {
            try (PreparedStatement update = handle.getConnection().prepareStatement(SAVE_STATE)) {
                update.setString(1, queue);
                update.setLong(2, state.queueVersion());
                update.setString(3, player);
                update.setLong(4, state.playerVersionFloor());
                update.setLong(5, now.toEpochMilli());
                update.setString(6, performance);
                update.setString(7, current);
                update.setInt(8, state.lastItemNumber());
                update.setString(9, state.id());
                update.executeUpdate();
            } catch (SQLException e) {
                // The same exception type Jdbi's own statements throw, so callers see no difference.
                throw new UnableToExecuteStatementException(e, null);
            }
        });
    }

    /** How many rooms exist. */
    public int count() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM karaoke_rooms").mapTo(Integer.class).one());
    }

    private PlayerState readPlayer(String text) {
        return text == null ? null : read(text, new TypeReference<PlayerState>() {
        });
    }

    private QueueItem readCurrent(String text) {
        return text == null ? null : read(text, new TypeReference<QueueItem>() {
        });
    }

    private Performance readPerformance(String text) {
        return text == null ? Performance.INITIAL : read(text, new TypeReference<Performance>() {
        });
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored room data is not valid JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise room data", e);
        }
    }
}
