package app.chorus.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.config.Config;
import app.chorus.persistence.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import app.chorus.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The library on both storage engines: songs, search, order, artists, edits and media files. */
class LibraryTest {

    @Nested
    class OnSqlite extends Contract {
        @Override
        Config.Database settings(Path folder) {
            return new Config.Database("jdbc:sqlite:" + folder.resolve("library.db"), "", "", 4);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        private EmbeddedPostgres postgres;

        @Override
        Config.Database settings(Path folder) throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            return new Config.Database(postgres.getJdbcUrl("postgres", "postgres"), "", "", 4);
        }

        @Override
        void stopEngine() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
        private Path folder;
        private Database database;
        Library library;

        abstract Config.Database settings(Path folder) throws IOException;

        void stopEngine() throws IOException {
        }

        @BeforeAll
        void open() throws IOException {
            folder = Files.createTempDirectory("chorus-library");
            database = Database.open(settings(folder));
            InstantSource clock = () -> now.get();
            library = new Library(new SongRepository(database.jdbi()), new MediaStore(folder.resolve("media")), clock);
        }

        @AfterAll
        void close() throws IOException {
            database.close();
            stopEngine();
            Folders.delete(folder);
        }

        @BeforeEach
        void emptyLibrary() {
            for (Song song : library.list(null, SongSort.DATE_ADDED, false, Library.MAX_PAGE, 0).items()) {
                library.delete(song.id());
            }
        }

        private Song add(String title, String artist, String album) {
            now.set(now.get().plus(Duration.ofMinutes(1)));
            return library.create(new NewSong(title, artist, album, null, SongSource.UPLOAD, Provenance.NONE));
        }

        private List<String> titles(Page<Song> page) {
            return page.items().stream().map(Song::title).toList();
        }

        @Test
        void aNewSongIsStoredWithTrimmedNamesAsPendingAndReadBackWhole() {
            Song created = library.create(new NewSong("  Bohemian Rhapsody ", " Queen", "A Night at the Opera", 354_000L,
                    SongSource.URL, new Provenance("fJ9rUzIMcZQ", "https://example.test/v", "Queen Official", null, null,
                            null, null, null, null, null, null)));

            Song read = library.get(created.id());
            assertThat(read).isEqualTo(created);
            assertThat(read.title()).isEqualTo("Bohemian Rhapsody");
            assertThat(read.artist()).isEqualTo("Queen");
            assertThat(read.status()).isEqualTo(SongStatus.PENDING);
            assertThat(read.durationMs()).isEqualTo(354_000L);
            assertThat(read.provenance().sourceId()).isEqualTo("fJ9rUzIMcZQ");
            assertThat(read.editedFields()).isEmpty();
        }

        @Test
        void titlesAndArtistsMustBeOneTo200CharactersAndNothingIsStoredOtherwise() {
            assertThatThrownBy(() -> add("   ", "Queen", null)).isInstanceOf(InvalidSong.class)
                    .extracting(failure -> ((InvalidSong) failure).field()).isEqualTo("title");
            assertThatThrownBy(() -> add("Song", "x".repeat(201), null)).isInstanceOf(InvalidSong.class)
                    .hasMessageContaining("200");
            assertThat(library.list(null, SongSort.DATE_ADDED, false, 10, 0).total()).isZero();
        }

        @Test
        void searchMatchesEveryWordInTitleArtistOrAlbumIgnoringCaseAndAccents() {
            add("Grüße aus Köln", "Die Ärzte", "Jazz ist anders");
            add("Bohemian Rhapsody", "Queen", "A Night at the Opera");
            add("Under Pressure", "Queen", "Hot Space");
            add("100% Pure", "Literal_Underscore", null);
            add("Taxi", "Band", null);

            assertThat(titles(library.list("queen", SongSort.TITLE, true, 10, 0)))
                    .containsExactly("Bohemian Rhapsody", "Under Pressure");
            assertThat(titles(library.list("QUEEN opera", SongSort.TITLE, true, 10, 0))).containsExactly("Bohemian Rhapsody");
            assertThat(titles(library.list("grusse arzte", SongSort.TITLE, true, 10, 0))).containsExactly("Grüße aus Köln");
            assertThat(titles(library.list("100%", SongSort.TITLE, true, 10, 0))).containsExactly("100% Pure");
            // % and _ in a query are literal characters, not wildcards.
            assertThat(titles(library.list("%", SongSort.TITLE, true, 10, 0))).containsExactly("100% Pure");
            assertThat(titles(library.list("ta_i", SongSort.TITLE, true, 10, 0))).isEmpty();
            assertThat(titles(library.list("l_u", SongSort.TITLE, true, 10, 0))).containsExactly("100% Pure");
            assertThat(library.list("queen missing", SongSort.TITLE, true, 10, 0).total()).isZero();
        }

        @Test
        void listsAreOrderedAsAskedWithSongsLackingTheValueLastAndPagedWithATotal() {
            Song first = add("beta", "Zed", "Alpha");
            Song second = add("Alpha", "amy", null);
            Song third = add("gamma", "Bob", "beta");
            library.edit(first.id(), Map.of(SongField.YEAR, 1999));
            library.edit(third.id(), Map.of(SongField.YEAR, 1985));

            assertThat(titles(library.list(null, SongSort.DATE_ADDED, false, 10, 0))).containsExactly("gamma", "Alpha", "beta");
            assertThat(titles(library.list(null, SongSort.DATE_ADDED, true, 10, 0))).containsExactly("beta", "Alpha", "gamma");
            assertThat(titles(library.list(null, SongSort.TITLE, true, 10, 0))).containsExactly("Alpha", "beta", "gamma");
            assertThat(titles(library.list(null, SongSort.ARTIST, true, 10, 0))).containsExactly("Alpha", "gamma", "beta");
            assertThat(titles(library.list(null, SongSort.ALBUM, true, 10, 0))).containsExactly("beta", "gamma", "Alpha");
            assertThat(titles(library.list(null, SongSort.YEAR, true, 10, 0))).containsExactly("gamma", "beta", "Alpha");
            assertThat(titles(library.list(null, SongSort.YEAR, false, 10, 0))).containsExactly("beta", "gamma", "Alpha");

            Page<Song> page = library.list(null, SongSort.TITLE, true, 2, 1);
            assertThat(titles(page)).containsExactly("beta", "gamma");
            assertThat(page.total()).isEqualTo(3);
            assertThat(page.hasMore()).isFalse();
            assertThat(library.list(null, SongSort.TITLE, true, 1, 0).hasMore()).isTrue();
            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void artistsAreCountedAndFiledUnderTheirFirstLetter() {
            add("One", "Queen", null);
            add("Two", "Queen", null);
            add("Three", "Ärzte", null);
            add("Four", "2Pac", null);

            Page<ArtistSummary> all = library.artists(null, 10, 0);
            assertThat(all.items()).extracting(ArtistSummary::name).containsExactly("2Pac", "Ärzte", "Queen");
            assertThat(all.items()).extracting(ArtistSummary::songCount).containsExactly(1L, 1L, 2L);
            assertThat(all.items()).extracting(ArtistSummary::firstLetter).containsExactly("#", "A", "Q");
            assertThat(all.total()).isEqualTo(3);

            assertThat(library.artists("arz", 10, 0).items()).extracting(ArtistSummary::name).containsExactly("Ärzte");
            Page<ArtistSummary> second = library.artists(null, 1, 1);
            assertThat(second.items()).extracting(ArtistSummary::name).containsExactly("Ärzte");
            assertThat(second.hasMore()).isTrue();

            Page<Song> queen = library.byArtist("Queen", SongSort.TITLE, true, 10, 0);
            assertThat(titles(queen)).containsExactly("One", "Two");
            assertThat(queen.total()).isEqualTo(2);
        }

        @Test
        void anEditChangesOnlyTheGivenFieldsAndRemembersThemAsEdited() {
            Song song = add("Original Title", "Someone", "Album");
            now.set(now.get().plus(Duration.ofSeconds(5)));

            Map<SongField, Object> changes = new java.util.EnumMap<>(SongField.class);
            changes.put(SongField.TITLE, "Better Title");
            changes.put(SongField.ALBUM, null);
            changes.put(SongField.SYNCED_LYRICS, "[00:01.00]Hello");
            Song edited = library.edit(song.id(), changes);

            assertThat(edited.title()).isEqualTo("Better Title");
            assertThat(edited.album()).isNull();
            assertThat(edited.syncedLyrics()).isEqualTo("[00:01.00]Hello");
            assertThat(edited.artist()).isEqualTo("Someone");
            assertThat(edited.editedFields()).isEqualTo(Set.of(SongField.TITLE, SongField.ALBUM, SongField.SYNCED_LYRICS));
            assertThat(edited.updatedAt()).isAfter(song.updatedAt());
            assertThat(library.get(song.id())).isEqualTo(edited);
        }

        @Test
        void anInvalidEditIsRefusedWholeAndChangesNothing() {
            Song song = add("Title", "Artist", null);
            Map<SongField, Object> changes = new java.util.EnumMap<>(SongField.class);
            changes.put(SongField.TITLE, "New");
            changes.put(SongField.YEAR, 12);

            assertThatThrownBy(() -> library.edit(song.id(), changes)).isInstanceOf(InvalidSong.class)
                    .hasMessageContaining("year");
            assertThatThrownBy(() -> library.edit(song.id(), Map.of(SongField.DURATION_MS, -1))).isInstanceOf(InvalidSong.class);
            assertThatThrownBy(() -> library.edit(song.id(), Map.of(SongField.GENRE, 42))).isInstanceOf(InvalidSong.class)
                    .hasMessageContaining("string");
            assertThatThrownBy(() -> library.edit(song.id(), Map.of(SongField.PLAIN_LYRICS, "x".repeat(Library.MAX_LYRICS_CHARS + 1))))
                    .isInstanceOf(InvalidSong.class);
            assertThat(library.get(song.id())).isEqualTo(song);
        }

        @Test
        void mediaIsStoredUnderGeneratedNamesReplacedWholeAndRemovedWithTheSong() throws IOException {
            Song song = add("Title", "Artist", null);
            library.attachMedia(song.id(), MediaKind.ORIGINAL, MediaFormat.MP3, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            Song replaced = library.attachMedia(song.id(), MediaKind.ORIGINAL, MediaFormat.FLAC,
                    new ByteArrayInputStream(new byte[] {4, 5, 6, 7}));

            assertThat(replaced.media().original()).isEqualTo("original.flac");
            StoredMedia stored = library.media(song.id(), MediaKind.ORIGINAL).orElseThrow();
            assertThat(stored.format()).isEqualTo(MediaFormat.FLAC);
            assertThat(Files.readAllBytes(stored.path())).containsExactly(4, 5, 6, 7);
            Path songFolder = stored.path().getParent();
            try (Stream<Path> files = Files.list(songFolder)) {
                assertThat(files.map(file -> file.getFileName().toString())).containsExactly("original.flac");
            }
            assertThat(library.media(song.id(), MediaKind.VOCALS)).isEmpty();

            library.delete(song.id());
            assertThat(Files.exists(songFolder)).isFalse();
            assertThat(library.find(song.id())).isEmpty();
            assertThatThrownBy(() -> library.delete(song.id())).isInstanceOf(SongNotFound.class);
        }

        @Test
        void idsThatAreNotSongIdsFindNothingAndNeverReachTheFileSystem() {
            assertThat(library.find("../../etc/passwd")).isEmpty();
            assertThat(library.media("../secrets", MediaKind.ORIGINAL)).isEmpty();
            assertThatThrownBy(() -> library.get("..")).isInstanceOf(SongNotFound.class);
            assertThatThrownBy(() -> library.delete("../x")).isInstanceOf(SongNotFound.class);
        }
    }
}
