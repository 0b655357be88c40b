package app.chorus.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.accounts.PasswordHasher;
import app.chorus.config.Config;
import app.chorus.json.Json;
import app.chorus.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prefetch of video URLs for the next two queued songs, through a resolver, stored and re-broadcast. */
class RoomsPrefetchTest {
    private static Database database;
    private static Rooms rooms;
    private static final List<String> resolved = new CopyOnWriteArrayList<>();
    private record Delivery(String roomId, RoomEvent event) {
    }

    private static final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void openRooms() throws Exception {
        Path folder = Files.createTempDirectory("chorus-prefetch");
        database = Database.open(new Config.Database("jdbc:sqlite:" + folder.resolve("test.db"), "", "", 2));
        VideoUrlResolver resolver = entry -> {
            resolved.add(entry.id());
            return entry.id().startsWith("missing") ? Optional.empty() : Optional.of("https://cdn.example/" + entry.id() + ".mp4");
        };
        rooms = new Rooms(new RoomRepository(database.jdbi(), Json.newMapper()), new PasswordHasher(),
                new RoomAccess(new byte[32], Duration.ofHours(1)), resolver, InstantSource.system(),
                new RoomLimits(10, 10), 100);
        rooms.connect((room, events) -> events.forEach(event -> delivered.add(new Delivery(room.id(), event))));
    }

    @AfterAll
    static void close() {
        rooms.close();
        database.close();
    }

    private static KaraokeEntry song(String id) {
        return new KaraokeEntry(id, "Song " + id, "Band", null, "youtube", "uploader", 180.0);
    }

    @Test
    void theNextTwoSongsGetTheirUrlsWrittenIntoTheQueueWithoutAVersionBump() {
        rooms.join("prefetch", new Member(1, ClientType.DISPLAY, 1), Rooms.Credentials.NONE);
        rooms.queueSong("prefetch", song("now-playing"), null);
        rooms.queueSong("prefetch", song("second"), null);
        rooms.queueSong("prefetch", song("missing-third"), null);
        rooms.queueSong("prefetch", song("fourth"), null);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rooms.snapshot("prefetch").orElseThrow()
                .queue().getFirst().entry().videoUrl()).isEqualTo("https://cdn.example/second.mp4"));
        RoomState state = rooms.snapshot("prefetch").orElseThrow();
        assertThat(state.queue()).extracting(item -> item.entry().videoUrl())
                .containsExactly("https://cdn.example/second.mp4", null, null);
        assertThat(resolved).contains("second", "missing-third").doesNotContain("fourth");
        assertThat(state.queueVersion()).as("four adds and the auto-play pop").isEqualTo(6);

        List<RoomEvent.QueueChanged> broadcasts = delivered.stream().filter(delivery -> delivery.roomId().equals("prefetch"))
                .map(Delivery::event).filter(RoomEvent.QueueChanged.class::isInstance)
                .map(RoomEvent.QueueChanged.class::cast).filter(queue -> queue.audience().equals(Audience.EVERYONE)).toList();
        int firstWithUrl = 0;
        while (broadcasts.get(firstWithUrl).items().stream().allMatch(item -> item.entry().videoUrl() == null)) {
            firstWithUrl++;
        }
        RoomEvent.QueueChanged before = broadcasts.get(firstWithUrl - 1);
        RoomEvent.QueueChanged withUrl = broadcasts.get(firstWithUrl);
        assertThat(withUrl.version()).as("no version bump").isEqualTo(before.version());
        assertThat(withUrl.timestamp()).as("a newer timestamp").isGreaterThan(before.timestamp());
    }

    @Test
    void aResolvedUrlIsStoredSoARestartedServerStillHasIt() {
        rooms.join("stored", new Member(2, ClientType.CONTROLLER, 2), Rooms.Credentials.NONE);
        rooms.queueSong("stored", song("first"), null);
        rooms.queueSong("stored", song("next"), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> rooms.snapshot("stored").orElseThrow()
                .queue().getFirst().entry().videoUrl() != null);

        RoomRepository.StoredRoom stored = new RoomRepository(database.jdbi(), Json.newMapper()).find("stored").orElseThrow();
        assertThat(stored.queue().getFirst().entry().videoUrl()).isEqualTo("https://cdn.example/next.mp4");
    }
}
