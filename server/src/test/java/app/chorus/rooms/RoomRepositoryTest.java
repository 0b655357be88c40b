package app.chorus.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.config.Config;
import app.chorus.json.Json;
import app.chorus.persistence.Database;
import app.chorus.persistence.DatabaseInUse;
import app.chorus.persistence.ServerSecrets;
import app.chorus.rooms.RoomRepository.StoredRoom;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import app.chorus.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The room repository against both engines it supports: the same tests run on a SQLite file and
 * on a real PostgreSQL (embedded, started once for its class). Each engine's database is opened
 * once per nested class, so every test uses room ids of its own.
 */
class RoomRepositoryTest {
    private static final RoomLimits LIMITS = new RoomLimits(50, 100);

    @Nested
    class OnSqlite extends Contract {
        private Path folder;

        @Override
        Config.Database open() throws IOException {
            if (folder == null) {
                folder = Files.createTempDirectory("chorus-repository");
            }
            return new Config.Database("jdbc:sqlite:" + folder.resolve("rooms.db"), "", "", 4);
        }

        @Override
        Database.Dialect expectedDialect() {
            return Database.Dialect.SQLITE;
        }

        @Override
        boolean oneOpenerAtATime() {
            return true;
        }

        @Test
        void aSecondOpeningWhileTheServerHoldsTheDatabaseIsRefusedWithATypedError() throws IOException {
            Config.Database same = open();
            assertThatThrownBy(() -> Database.open(same))
                    .isInstanceOf(DatabaseInUse.class)
                    .hasMessageContaining(folder.resolve("rooms.db").toString())
                    .hasMessageContaining("in use by another process");
            // The refused opening took nothing away: the first still reads and writes.
            String id = "still-" + UUID.randomUUID();
            assertThat(repository.insert(id, new RoomSettings(true, null, Instant.ofEpochMilli(1_000)))).isTrue();
            assertThat(repository.find(id)).isPresent();
        }

        @Override
        void stop() throws IOException {
            if (folder != null) {
                Folders.delete(folder);
            }
        }
    }

    @Nested
    class OnPostgres extends Contract {
        private EmbeddedPostgres postgres;

        @Override
        Config.Database open() throws IOException {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
            }
            return new Config.Database(postgres.getJdbcUrl("postgres", "postgres"), "", "", 4);
        }

        @Override
        Database.Dialect expectedDialect() {
            return Database.Dialect.POSTGRESQL;
        }

        @Override
        void stop() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The tests both engines must pass. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        Database database;
        RoomRepository repository;

        /** Settings of the engine's database; the same each time it is called. */
        abstract Config.Database open() throws IOException;

        abstract Database.Dialect expectedDialect();

        abstract void stop() throws IOException;

        /** SQLite: the server holds the file's lock, so a second opening must wait for the first to close. */
        boolean oneOpenerAtATime() {
            return false;
        }

        /**
         * Opens the same store a second time for {@code check}; where only one opener is allowed,
         * the first is closed before and opened again after.
         */
        <T> T withSecondOpening(java.util.function.Function<Database, T> check) throws IOException {
            if (oneOpenerAtATime()) {
                database.close();
            }
            try (Database again = Database.open(open())) {
                return check.apply(again);
            } finally {
                if (oneOpenerAtATime()) {
                    openDatabase();
                }
            }
        }

        @BeforeAll
        void openDatabase() throws IOException {
            database = Database.open(open());
            repository = new RoomRepository(database.jdbi(), Json.newMapper());
        }

        @AfterAll
        void closeDatabase() throws IOException {
            try {
                if (database != null) {
                    database.close();
                }
            } finally {
                stop();
            }
        }

        @Test
        void theMigrationsAreAppliedWhenTheDatabaseOpens() {
            assertThat(database.dialect()).isEqualTo(expectedDialect());
            List<Map<String, Object>> history = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                    .mapToMap().list());
            assertThat(history).isNotEmpty();
            assertThat(history.getFirst().get("version")).hasToString("1");
            assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isIn(true, 1, 1L));
            // Every column the repository and the secrets use exists (the query fails otherwise).
            List<Map<String, Object>> noRooms = database.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT id, is_public, password_hash, created_at_ms, queue_json, queue_version,
                                   player_state_json, player_version, updated_at_ms
                            FROM karaoke_rooms WHERE 1 = 0""").mapToMap().list());
            List<Map<String, Object>> noSecrets = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT name, value FROM server_secrets WHERE 1 = 0").mapToMap().list());
            assertThat(noRooms).isEmpty();
            assertThat(noSecrets).isEmpty();
        }

        @Test
        void openingTheSameDatabaseAgainFindsNothingLeftToMigrate() throws IOException {
            int before = historyRows();
            Database.Dialect dialect = withSecondOpening(Database::dialect);
            assertThat(dialect).isEqualTo(expectedDialect());
            assertThat(historyRows()).isEqualTo(before);
        }

        private int historyRows() {
            return database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM flyway_schema_history").mapTo(Integer.class).one());
        }

        @Test
        void aNewRoomIsInsertedOnceAndADuplicateIdIsRefused() {
            String id = roomId();
            RoomSettings first = new RoomSettings(true, null, Instant.parse("2025-01-02T03:04:05.678Z"));
            RoomSettings second = new RoomSettings(false, "$argon2id$other", Instant.parse("2026-01-01T00:00:00Z"));

            assertThat(repository.insert(id, first)).isTrue();
            assertThat(repository.insert(id, second)).isFalse();

            assertThat(repository.find(id)).map(StoredRoom::settings).contains(first);
        }

        @Test
        void findingARoomThatDoesNotExistIsEmpty() {
            assertThat(repository.find("no-such-room-" + UUID.randomUUID())).isEmpty();
        }

        @Test
        void aNewRoomStartsWithAnEmptyQueueAtVersionOneAndNoPlayer() {
            String id = roomId();
            Instant created = Instant.parse("2025-06-07T08:09:10.111Z");
            repository.insert(id, new RoomSettings(true, null, created));

            StoredRoom room = repository.find(id).orElseThrow();

            assertThat(room.id()).isEqualTo(id);
            assertThat(room.queue()).isEmpty();
            assertThat(room.queueVersion()).isEqualTo(1);
            assertThat(room.player()).isNull();
            assertThat(room.playerVersion()).isZero();
            assertThat(room.updatedAt()).isEqualTo(created);
        }

        @Test
        void aQueueWrittenIsReadBackWithItsVersion() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-02-03T04:05:06.007Z"));
            repository.insert(id, settings);
            KaraokeEntry full = new KaraokeEntry("dQw4w9WgXcQ", "Never Gonna Give You Up", "Rick Astley",
                    "https://cdn.example/v/dQw4w9WgXcQ.mp4?sig=a&b=ü", "youtube", "Sing King", 213.5);
            KaraokeEntry unresolved = new KaraokeEntry("lib-42", "Bohemian Rhapsody", "Queen", null, "library",
                    "Karaoke Hits", null);
            KaraokeEntry quoted = new KaraokeEntry("x\"y", "Don't Stop \"Me\" Now — 日本語", "Queen\\Band", null,
                    "youtube", null, 0.0);
            List<QueueItem> queue = List.of(
                    new QueueItem("V1StGXR8_Z5jdHi6B-myT", full, 1, null, null),
                    new QueueItem("abcdefghijklmnopqrstu", unresolved, 2, null, null),
                    new QueueItem("-_0123456789ABCDEFGHI", quoted, 3, null, null));
            Instant now = Instant.parse("2025-02-03T05:00:00.250Z");

            repository.saveState(state(id, settings, queue, 17, null, 0), now);

            StoredRoom room = repository.find(id).orElseThrow();
            assertThat(room.queue()).containsExactlyElementsOf(queue);
            assertThat(room.queue()).extracting(QueueItem::id)
                    .containsExactly("V1StGXR8_Z5jdHi6B-myT", "abcdefghijklmnopqrstu", "-_0123456789ABCDEFGHI");
            KaraokeEntry readFull = room.queue().get(0).entry();
            assertThat(readFull.id()).isEqualTo("dQw4w9WgXcQ");
            assertThat(readFull.title()).isEqualTo("Never Gonna Give You Up");
            assertThat(readFull.artist()).isEqualTo("Rick Astley");
            assertThat(readFull.videoUrl()).isEqualTo("https://cdn.example/v/dQw4w9WgXcQ.mp4?sig=a&b=ü");
            assertThat(readFull.source()).isEqualTo("youtube");
            assertThat(readFull.uploader()).isEqualTo("Sing King");
            assertThat(readFull.duration()).isEqualTo(213.5);
            KaraokeEntry readUnresolved = room.queue().get(1).entry();
            assertThat(readUnresolved.videoUrl()).isNull();
            assertThat(readUnresolved.duration()).isNull();
            assertThat(room.queue().get(2).entry().uploader()).isNull();
            assertThat(room.queueVersion()).isEqualTo(17);
            assertThat(room.player()).isNull();
            assertThat(room.playerVersion()).isZero();
            assertThat(room.updatedAt()).isEqualTo(now);
            assertThat(room.settings()).isEqualTo(settings);
        }

        @Test
        void theQueueIsStoredAsSnakeCaseJsonWithExplicitNulls() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-02-03T04:05:06Z"));
            repository.insert(id, settings);
            KaraokeEntry entry = new KaraokeEntry("a1", "Title", "Artist", null, "youtube", "Uploader", null);

            repository.saveState(state(id, settings, List.of(new QueueItem("abcdefghijklmnopqrstu", entry, 1, null, null)), 2, null, 0),
                    Instant.parse("2025-02-03T04:06:00Z"));

            String stored = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT queue_json FROM karaoke_rooms WHERE id = :id").bind("id", id)
                    .mapTo(String.class).one());
            assertThat(stored).contains("\"video_url\":null", "\"duration\":null", "\"entry\":{");
            assertThat(stored).doesNotContain("videoUrl");
        }

        @Test
        void theCurrentItemWithItsSingerAndTheLastItemNumberAreReadBack() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-02-03T04:05:06Z"));
            repository.insert(id, settings);
            KaraokeEntry entry = new KaraokeEntry("song-1", "Title", "Artist", "/api/songs/song-1/download/original",
                    "library", "Chorus library", 200.0);
            QueueItem current = new QueueItem("abcdefghijklmnopqrstu", entry, 7, "Ann", "Album");
            QueueItem next = new QueueItem("V1StGXR8_Z5jdHi6B-myT", entry, 9, null, null);
            PlayerState playing = new PlayerState(entry, PlayState.PLAYING, 0, 0, 0.5, 5_000, 5);
            RoomState state = new RoomState(id, settings, LIMITS, List.of(next), 3, 0, playing, 5_000, List.of(), null,
                    Performance.INITIAL, current, 9);

            repository.saveState(state, Instant.parse("2025-02-03T04:06:00Z"));

            StoredRoom room = repository.find(id).orElseThrow();
            assertThat(room.current()).isEqualTo(current);
            assertThat(room.queue()).containsExactly(next);
            assertThat(room.lastItemNumber()).isEqualTo(9);
        }

        @Test
        void aRoomStoredBeforeItemNumbersReadsBackWithoutNumbersOrACurrentItem() {
            String id = roomId();
            repository.insert(id, new RoomSettings(true, null, Instant.parse("2025-02-03T04:05:06Z")));
            database.jdbi().useHandle(handle -> handle.createUpdate("""
                            UPDATE karaoke_rooms SET queue_json = :queue WHERE id = :id""")
                    .bind("queue", "[{\"id\":\"abcdefghijklmnopqrstu\",\"entry\":{\"id\":\"a1\",\"title\":\"T\","
                            + "\"artist\":\"A\",\"video_url\":null,\"source\":\"youtube\",\"uploader\":\"U\","
                            + "\"duration\":null}}]")
                    .bind("id", id).execute());

            StoredRoom room = repository.find(id).orElseThrow();
            assertThat(room.queue()).containsExactly(new QueueItem("abcdefghijklmnopqrstu",
                    new KaraokeEntry("a1", "T", "A", null, "youtube", "U", null), 0, null, null));
            assertThat(room.current()).isNull();
            assertThat(room.lastItemNumber()).isZero();
        }

        @Test
        void aPlayerStateIsReadBackWithEveryFieldAndItsVersion() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08.009Z"));
            repository.insert(id, settings);
            KaraokeEntry entry = new KaraokeEntry("song-7", "Dancing Queen", "ABBA", "https://v.example/7", "youtube",
                    "Sing King", 231.25);
            PlayerState player = new PlayerState(entry, PlayState.PAUSED, 42.125, 231.25, 0.75,
                    1_743_833_228_123L, 1_743_833_228.123);
            Instant now = Instant.parse("2025-04-05T06:07:09.321Z");

            repository.saveState(state(id, settings, List.of(), 3, player, 1_743_833_228_123L), now);

            StoredRoom room = repository.find(id).orElseThrow();
            PlayerState read = room.player();
            assertThat(read).isEqualTo(player);
            assertThat(read.entry()).isEqualTo(entry);
            assertThat(read.playState()).isSameAs(PlayState.PAUSED);
            assertThat(read.currentTime()).isEqualTo(42.125);
            assertThat(read.duration()).isEqualTo(231.25);
            assertThat(read.volume()).isEqualTo(0.75);
            assertThat(read.version()).isEqualTo(1_743_833_228_123L);
            assertThat(read.timestamp()).isEqualTo(1_743_833_228.123);
            assertThat(room.playerVersion()).isEqualTo(1_743_833_228_123L);
            assertThat(room.queue()).isEmpty();
            assertThat(room.queueVersion()).isEqualTo(3);
            assertThat(room.updatedAt()).isEqualTo(now);
        }

        @Test
        void everyPlayStateSurvivesTheRoundTrip() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08Z"));
            repository.insert(id, settings);
            KaraokeEntry entry = new KaraokeEntry("e", "T", "A", null, "youtube", "U", 100.0);
            long version = 1_000;
            for (PlayState playState : PlayState.values()) {
                version++;
                PlayerState player = new PlayerState(entry, playState, 1.5, 100.0, 0.5, version, version / 1000.0);
                repository.saveState(state(id, settings, List.of(), 1, player, version), Instant.ofEpochMilli(version));

                StoredRoom room = repository.find(id).orElseThrow();
                assertThat(room.player().playState()).as("stored %s", playState).isSameAs(playState);
                assertThat(room.playerVersion()).isEqualTo(version);
            }
        }

        @Test
        void aPlayerWithoutAnEntryIsReadBackWithANullEntry() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08Z"));
            repository.insert(id, settings);
            PlayerState finished = new PlayerState(null, PlayState.FINISHED, 0, 0, 0.5, 5_000, 5.0);

            repository.saveState(state(id, settings, List.of(), 9, finished, 5_000), Instant.parse("2025-04-05T06:08:00Z"));

            StoredRoom room = repository.find(id).orElseThrow();
            assertThat(room.player()).isEqualTo(finished);
            assertThat(room.player().entry()).isNull();
            assertThat(room.player().playState()).isSameAs(PlayState.FINISHED);
            assertThat(room.playerVersion()).isEqualTo(5_000);
        }

        @Test
        void aLaterSaveReplacesTheWholeStateIncludingClearingThePlayer() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08Z"));
            repository.insert(id, settings);
            KaraokeEntry entry = new KaraokeEntry("e", "T", "A", null, "youtube", "U", 100.0);
            PlayerState playing = new PlayerState(entry, PlayState.PLAYING, 3, 100, 0.5, 7_000, 7.0);
            repository.saveState(state(id, settings, List.of(new QueueItem("abcdefghijklmnopqrstu", entry, 1, null, null)), 4, playing, 7_000),
                    Instant.parse("2025-04-05T06:08:00Z"));

            Instant later = Instant.parse("2025-04-05T06:09:00.999Z");
            repository.saveState(state(id, settings, List.of(), 5, null, 7_000), later);

            StoredRoom room = repository.find(id).orElseThrow();
            assertThat(room.queue()).isEmpty();
            assertThat(room.queueVersion()).isEqualTo(5);
            assertThat(room.player()).isNull();
            assertThat(room.playerVersion()).isEqualTo(7_000);
            assertThat(room.updatedAt()).isEqualTo(later);
        }

        @Test
        void theUpdatedTimeIsKeptToTheMillisecond() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08Z"));
            repository.insert(id, settings);

            repository.saveState(state(id, settings, List.of(), 2, null, 0), Instant.parse("2025-04-05T06:07:09.123456789Z"));

            assertThat(repository.find(id).orElseThrow().updatedAt()).isEqualTo(Instant.parse("2025-04-05T06:07:09.123Z"));
        }

        @Test
        void savingTheStateLeavesTheSettingsAlone() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(false, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                    Instant.parse("2025-04-05T06:07:08.765Z"));
            repository.insert(id, settings);

            repository.saveState(state(id, new RoomSettings(true, null, Instant.EPOCH), List.of(), 2, null, 0),
                    Instant.parse("2025-04-05T07:00:00Z"));

            assertThat(repository.find(id).orElseThrow().settings()).isEqualTo(settings);
        }

        @Test
        void theCountGrowsByOneForEveryRoomInsertedButNotForADuplicate() {
            int before = repository.count();
            String first = roomId();
            String second = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2025-04-05T06:07:08Z"));

            repository.insert(first, settings);
            repository.insert(second, settings);
            repository.insert(first, settings);

            assertThat(repository.count()).isEqualTo(before + 2);
        }

        @Test
        void aPublicRoomWithoutPasswordKeepsItsSettings() {
            String id = roomId();
            RoomSettings settings = new RoomSettings(true, null, Instant.parse("2024-12-31T23:59:59.999Z"));
            repository.insert(id, settings);

            RoomSettings read = repository.find(id).orElseThrow().settings();

            assertThat(read.isPublic()).isTrue();
            assertThat(read.passwordHash()).isNull();
            assertThat(read.requiresPassword()).isFalse();
            assertThat(read.createdAt()).isEqualTo(Instant.parse("2024-12-31T23:59:59.999Z"));
        }

        @Test
        void aPrivateRoomKeepsItsPasswordHashAndCreationTimeToTheMillisecond() {
            String id = roomId();
            String hash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$" + "A".repeat(43);
            Instant created = Instant.parse("2025-07-08T09:10:11.012Z");
            repository.insert(id, new RoomSettings(false, hash, created));

            RoomSettings read = repository.find(id).orElseThrow().settings();

            assertThat(read.isPublic()).isFalse();
            assertThat(read.passwordHash()).isEqualTo(hash);
            assertThat(read.requiresPassword()).isTrue();
            assertThat(read.createdAt()).isEqualTo(created);
            assertThat(read.createdAt().toEpochMilli()).isEqualTo(created.toEpochMilli());
        }

        @Test
        void aCreationTimeFinerThanAMillisecondIsTruncatedToTheMillisecond() {
            String id = roomId();
            repository.insert(id, new RoomSettings(true, null, Instant.parse("2025-07-08T09:10:11.012999Z")));

            assertThat(repository.find(id).orElseThrow().settings().createdAt())
                    .isEqualTo(Instant.parse("2025-07-08T09:10:11.012Z"));
        }

        @Test
        void aServerSecretIsCreatedOnceAndReturnedAgainOnTheNextCall() {
            String name = "secret-" + UUID.randomUUID().toString().substring(0, 8);
            ServerSecrets secrets = new ServerSecrets(database.jdbi());

            byte[] first = secrets.getOrCreate(name);
            byte[] second = secrets.getOrCreate(name);

            assertThat(first).hasSize(32);
            assertThat(second).isEqualTo(first);
            assertThat(new ServerSecrets(database.jdbi()).getOrCreate(name)).isEqualTo(first);
            assertThat(secrets.getOrCreate(name + "-other")).hasSize(32).isNotEqualTo(first);
        }

        @Test
        void aServerSecretIsTheSameFromASecondDatabaseOpenedOnTheSameStore() throws IOException {
            String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
            byte[] first = new ServerSecrets(database.jdbi()).getOrCreate(name);

            byte[] fromSecond = withSecondOpening(second -> new ServerSecrets(second.jdbi()).getOrCreate(name));

            assertThat(fromSecond).isEqualTo(first);
        }

        private static String roomId() {
            return "room-" + UUID.randomUUID();
        }

        private static RoomState state(String id, RoomSettings settings, List<QueueItem> queue, long queueVersion,
                                       PlayerState player, long playerVersion) {
            return new RoomState(id, settings, LIMITS, queue, queueVersion, 0, player, playerVersion, List.of(), null,
                    Performance.INITIAL, null, 0);
        }
    }
}
