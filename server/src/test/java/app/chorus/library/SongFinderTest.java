package app.chorus.library;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.config.Config;
import app.chorus.files.Folders;
import app.chorus.persistence.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Song search for the "find a song" box ({@link Library#findSongs}) on a real SQLite database. */
class SongFinderTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private Path folder;
    private Database database;
    private SongRepository repository;
    private MediaStore media;
    private Library library;

    @BeforeEach
    void open() throws IOException {
        folder = Files.createTempDirectory("chorus-song-finder");
        database = Database.open(new Config.Database("jdbc:sqlite:" + folder.resolve("library.db"), "", "", 4));
        repository = new SongRepository(database.jdbi());
        media = new MediaStore(folder.resolve("media"));
        library = new Library(repository, media, clock, Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws IOException {
        database.close();
        Folders.delete(folder);
    }

    /** Adds a song the way an import finishes one: created, its instrumental attached, marked ready. */
    private Song ready(Library through, String title, String artist, String album) {
        Song song = through.create(new NewSong(title, artist, album, null, SongSource.UPLOAD, Provenance.NONE));
        through.attachMedia(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.MP3, new ByteArrayInputStream(new byte[] {1}));
        return through.setStatus(song.id(), SongStatus.READY);
    }

    private Song ready(String title, String artist, String album) {
        return ready(library, title, artist, album);
    }

    /** Stores a ready song straight through the repository: fast enough for thousands, unseen by the change counter. */
    private String insertReady(String title, String artist, String album) {
        Instant at = now.get();
        String id = UUID.randomUUID().toString();
        repository.insert(new Song(id, title, artist, album, null, null, null, null,
                SongStatus.READY, SongSource.UPLOAD, Provenance.NONE, new MediaFiles(null, "original.mp3", null, null, null),
                null, null, null, Set.of(), at, at));
        return id;
    }

    private List<String> titles(String query) {
        return titles(library, query, 50);
    }

    private static List<String> titles(Library library, String query, int limit) {
        return library.findSongs(query, limit).stream().map(Song::title).toList();
    }

    @Test
    void aMisspeltOrSwappedLetterStillFindsTheSong() {
        ready("Bohemian Rhapsody", "Queen", "A Night at the Opera");
        ready("Under Pressure", "Queen", "Hot Space");

        assertThat(titles("bohemian rapsody")).containsExactly("Bohemian Rhapsody");
        assertThat(titles("bohemain rhapsody")).containsExactly("Bohemian Rhapsody");
        assertThat(titles("undr presure")).containsExactly("Under Pressure");
    }

    @Test
    void longerWordsMayHaveMoreMistakesAndShortOnesNone() {
        ready("Bohemian Rhapsody", "Queen", null);
        ready("Hot Stuff", "Donna Summer", null);

        // 9 letters: two mistakes. 7 letters: one. 3 letters: none, "hit" is another word.
        assertThat(titles("bohemian rhapsodie")).containsExactly("Bohemian Rhapsody");
        assertThat(titles("bohemian rapsodi")).isEmpty();
        assertThat(titles("hit stuff")).isEmpty();
        assertThat(FuzzyMatch.distance("rhapsody", "rhapsdoy", 2)).isEqualTo(1);
        assertThat(FuzzyMatch.distance("rhapsody", "rapsodie", 2)).isEqualTo(3);
        assertThat(FuzzyMatch.distance("kitten", "sitting", 5)).isEqualTo(3);
    }

    @Test
    void theExactTitleComesFirstThenFullMatchesInLongerTitlesThenMatchesInTheAlbum() {
        ready("Rhapsody in Blue", "George Gershwin", "Bohemian Classics");
        ready("Bohemian Rhapsody (Live Aid 1985)", "Queen", "Live Aid");
        ready("Bohemian Rhapsody", "Queen", "A Night at the Opera");
        ready("Hungarian Rhapsody No. 2", "Franz Liszt", null);

        // Half of a two-word query is not a match: the Liszt has only "rhapsody".
        assertThat(titles("bohemian rhapsody"))
                .containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)", "Rhapsody in Blue");
    }

    @Test
    void aSongWhoseTitleOrArtistAndTitleIsTheWholeQueryComesBeforeTitlesThatSortEarlier() {
        ready("Killer Queen (Remastered 2011)", "Queen", null);
        ready("A Killer Queen Tribute", "Queen", null);
        ready("Killer Queen", "Queen", "Sheer Heart Attack");

        assertThat(titles("killer queen"))
                .containsExactly("Killer Queen", "A Killer Queen Tribute", "Killer Queen (Remastered 2011)");
        assertThat(titles("queen killer queen")).first().isEqualTo("Killer Queen");
        assertThat(titles("Killer Queen, Queen")).first().isEqualTo("Killer Queen");
    }

    @Test
    void everyWordMatchedExactlyOutranksCloserLookingPartialMatchesInTheTitle() {
        ready("Lover Songs", "Someone", null);
        ready("Stay", "Love", "Song");

        assertThat(titles("love song")).containsExactly("Stay", "Lover Songs");
    }

    @Test
    void aWordInTheTitleWeighsMoreThanInTheArtistAndThatMoreThanInTheAlbum() {
        ready("Brighton Rock", "Someone Else", "Queen II");
        ready("Under Pressure", "Queen", "Hot Space");
        ready("Killer Queen", "Queen", null);
        ready("Dancing Queen", "ABBA", "Arrival");

        assertThat(titles("queen")).containsExactly("Dancing Queen", "Killer Queen", "Under Pressure", "Brighton Rock");
    }

    @Test
    void wordsMatchAcrossTitleAndArtistInAnyOrder() {
        ready("Bohemian Rhapsody", "Queen", null);
        ready("Bohemian Like You", "The Dandy Warhols", null);

        assertThat(titles("queen bohemian")).containsExactly("Bohemian Rhapsody");
        assertThat(titles("rhapsody queen")).containsExactly("Bohemian Rhapsody");
    }

    @Test
    void accentsCaseAndPunctuationAreIgnored() {
        ready("Halo", "Beyoncé", "I Am... Sasha Fierce");
        ready("Ace of Spades", "Motörhead", null);
        ready("Highway to Hell", "AC/DC", null);
        ready("Don't Stop Me Now", "Queen", null);

        assertThat(titles("beyonce")).containsExactly("Halo");
        assertThat(titles("BEYONCÉ halo")).containsExactly("Halo");
        assertThat(titles("motorhead")).containsExactly("Ace of Spades");
        assertThat(titles("acdc")).containsExactly("Highway to Hell");
        assertThat(titles("ac dc hell")).containsExactly("Highway to Hell");
        assertThat(titles("AC/DC")).containsExactly("Highway to Hell");
        assertThat(titles("dont stop")).containsExactly("Don't Stop Me Now");
        assertThat(titles("don’t stop me now")).containsExactly("Don't Stop Me Now");
    }

    @Test
    void halfTypedWordsFindSongsAsTheSingerTypes() {
        ready("Bohemian Rhapsody (Live Aid 1985)", "Queen", null);
        ready("Bohemian Rhapsody", "Queen", null);
        ready("Rhapsody in Blue", "George Gershwin", null);

        assertThat(titles("bohemian rhap")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)");
        assertThat(titles("boh rhaps")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)");
        assertThat(titles("rh")).containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)", "Rhapsody in Blue");
        // One letter starts too many words to narrow anything down.
        assertThat(titles("r")).isEmpty();
    }

    @Test
    void aLongerQueryMayHaveOneWordThatMatchesNothing() {
        ready("Bohemian Rhapsody", "Queen", null);

        assertThat(titles("queen bohemian rhapsody remastered")).containsExactly("Bohemian Rhapsody");
        assertThat(titles("queen bohemian remastered karaoke")).isEmpty();
        assertThat(titles("bohemian remastered")).isEmpty();
    }

    @Test
    void garbageAndBlankQueriesFindNothing() {
        ready("Bohemian Rhapsody", "Queen", "A Night at the Opera");
        ready("Dancing Queen", "ABBA", "Arrival");

        assertThat(titles("xqzvk wptlm")).isEmpty();
        assertThat(titles("zzzzzzzzzzzz")).isEmpty();
        assertThat(titles("   ")).isEmpty();
        assertThat(titles("?!/")).isEmpty();
        assertThat(library.findSongs(null, 10)).isEmpty();
        assertThat(library.findSongs("x".repeat(100_000), 10)).isEmpty();
    }

    @Test
    void onlySongsReadyWithAnInstrumentalOrOriginalAreFound() {
        Song pending = library.create(new NewSong("Song Pending", "Tester", null, null, SongSource.UPLOAD, Provenance.NONE));
        Song processing = ready("Song Processing", "Tester", null);
        library.setStatus(processing.id(), SongStatus.PROCESSING);
        Song failed = ready("Song Failed", "Tester", null);
        library.setStatus(failed.id(), SongStatus.FAILED);
        Song noMedia = library.create(new NewSong("Song Without Media", "Tester", null, null, SongSource.UPLOAD, Provenance.NONE));
        library.setStatus(noMedia.id(), SongStatus.READY);
        Song vocalsOnly = library.create(new NewSong("Song Vocals Only", "Tester", null, null, SongSource.UPLOAD, Provenance.NONE));
        library.attachMedia(vocalsOnly.id(), MediaKind.VOCALS, MediaFormat.MP3, new ByteArrayInputStream(new byte[] {1}));
        library.setStatus(vocalsOnly.id(), SongStatus.READY);
        Song original = library.create(new NewSong("Song Original", "Tester", null, null, SongSource.UPLOAD, Provenance.NONE));
        library.attachMedia(original.id(), MediaKind.ORIGINAL, MediaFormat.MP3, new ByteArrayInputStream(new byte[] {1}));
        library.setStatus(original.id(), SongStatus.READY);
        ready("Song Instrumental", "Tester", null);

        assertThat(titles("tester")).containsExactly("Song Instrumental", "Song Original");
        assertThat(pending.status()).isEqualTo(SongStatus.PENDING);
    }

    @Test
    void thisLibrarysChangesShowInTheVeryNextSearch() {
        assertThat(titles("yesterday")).isEmpty();
        Song song = library.create(new NewSong("Yesterday", "The Beatles", null, null, SongSource.UPLOAD, Provenance.NONE));
        library.attachMedia(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.MP3, new ByteArrayInputStream(new byte[] {1}));
        assertThat(titles("yesterday")).isEmpty();

        library.setStatus(song.id(), SongStatus.READY);
        assertThat(titles("yesterday")).containsExactly("Yesterday");

        library.edit(song.id(), Map.of(SongField.TITLE, "Let It Be"));
        assertThat(titles("yesterday")).isEmpty();
        assertThat(titles("let it be")).containsExactly("Let It Be");

        library.detachMedia(song.id(), MediaKind.INSTRUMENTAL);
        assertThat(titles("let it be")).isEmpty();

        Song again = ready("Hey Jude", "The Beatles", null);
        assertThat(titles("beatles")).containsExactly("Hey Jude");
        library.delete(again.id());
        assertThat(titles("beatles")).isEmpty();
    }

    @Test
    void anotherNodesNewSongsShowOnceTheSnapshotIsOlderThanTheStalenessBound() {
        Library otherNode = new Library(repository, media, clock, Duration.ofSeconds(10));
        assertThat(titles("yesterday")).isEmpty();

        ready(otherNode, "Yesterday", "The Beatles", null);
        now.set(now.get().plusSeconds(9));
        assertThat(titles("yesterday")).isEmpty();

        now.set(now.get().plusSeconds(1));
        assertThat(titles("yesterday")).containsExactly("Yesterday");
        assertThat(titles(otherNode, "yesterday", 10)).containsExactly("Yesterday");
    }

    @Test
    void aSongAnotherNodeDeletedOrUnreadiedIsNeverReturnedEvenFromAnOldSnapshot() {
        Library otherNode = new Library(repository, media, clock, Duration.ofSeconds(10));
        Song yesterday = ready("Yesterday", "The Beatles", null);
        Song heyJude = ready("Hey Jude", "The Beatles", null);
        assertThat(titles("beatles")).containsExactly("Hey Jude", "Yesterday");

        otherNode.delete(yesterday.id());
        otherNode.setStatus(heyJude.id(), SongStatus.FAILED);
        assertThat(titles("beatles")).isEmpty();
    }

    @Test
    void noMoreThanTheLimitAndNeverMoreThanAPageAreReturned() {
        for (int number = 1; number <= Library.MAX_PAGE + 50; number++) {
            insertReady("Love Song %03d".formatted(number), "Crooner", null);
        }

        assertThat(titles(library, "love", 3)).containsExactly("Love Song 001", "Love Song 002", "Love Song 003");
        assertThat(library.findSongs("love", 10_000)).hasSize(Library.MAX_PAGE);
        assertThat(library.findSongs("love", 0)).isEmpty();
        assertThat(library.findSongs("love", -5)).isEmpty();
    }

    @Test
    void searchesRunningAlongsideAnImportSeeOnlyPlayableSongsAndFinallyAllOfThem() throws Exception {
        ExecutorService searchers = Executors.newFixedThreadPool(4);
        AtomicBoolean importing = new AtomicBoolean(true);
        try {
            List<Future<Boolean>> checks = java.util.stream.IntStream.range(0, 4).mapToObj(unused -> searchers.submit(() -> {
                boolean onlyPlayable = true;
                while (importing.get()) {
                    onlyPlayable &= library.findSongs("imported", 200).stream().allMatch(SongFinder::isPlayable);
                }
                return onlyPlayable;
            })).toList();
            for (int number = 0; number < 40; number++) {
                ready("Imported Song " + number, "Batch", null);
            }
            importing.set(false);
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            importing.set(false);
            searchers.shutdown();
        }
        assertThat(library.findSongs("imported", 200)).hasSize(40);
    }

    @Test
    void twentyThousandSongsAreSearchedCorrectly() {
        String[] syllables = {"ka", "ri", "to", "nu", "se", "la", "mo", "vi", "pe", "du", "zo", "fi", "ga", "ty"};
        Random random = new Random(42);
        String[] artists = new String[2000];
        for (int index = 0; index < artists.length; index++) {
            artists[index] = capitalised(word(random, syllables)) + " " + capitalised(word(random, syllables));
        }
        Set<String> byOneArtist = new java.util.HashSet<>();
        for (int index = 0; index < 20_000; index++) {
            String title = capitalised(word(random, syllables)) + " " + word(random, syllables) + " " + index;
            String artist = artists[random.nextInt(artists.length)];
            String id = insertReady(title, artist, random.nextBoolean() ? null : "Album " + index % 500);
            if (artist.equals(artists[7])) {
                byOneArtist.add(id);
            }
        }
        insertReady("Bohemian Rhapsody", "Queen", "A Night at the Opera");
        insertReady("Bohemian Rhapsody (Live Aid 1985)", "Queen", "Live Aid");
        insertReady("Dancing Queen", "ABBA", "Arrival");
        insertReady("Halo", "Beyoncé", null);
        List<String> soloSongs = java.util.stream.IntStream.range(0, 30).mapToObj("Solo %02d"::formatted).toList();
        soloSongs.forEach(title -> insertReady(title, "Freddie Mercury", null));

        assertThat(titles(library, "bohemian rapsody", 10))
                .containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)");
        assertThat(titles(library, "bohemian rhap", 10))
                .containsExactly("Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)");
        assertThat(titles(library, "queen", 10))
                .containsExactly("Dancing Queen", "Bohemian Rhapsody", "Bohemian Rhapsody (Live Aid 1985)");
        assertThat(titles(library, "beyonce", 10)).containsExactly("Halo");
        assertThat(titles(library, "xqzvk wptlm", 10)).isEmpty();
        // Generated titles end in their number: the numbered one is the only exact match.
        List<Song> numbered = library.findSongs("12345", 10);
        assertThat(numbered).hasSize(1);
        assertThat(numbered.getFirst().title()).endsWith(" 12345");
        assertThat(titles(library, numbered.getFirst().title(), 10)).first().isEqualTo(numbered.getFirst().title());
        // Titles may share an artist's short words and weigh more, so the artist's songs are among
        // the first results, not necessarily all ahead of them.
        assertThat(library.findSongs(artists[7], Library.MAX_PAGE)).extracting(Song::id).containsAll(byOneArtist);
        assertThat(library.findSongs("freddie mercury", Library.MAX_PAGE)).extracting(Song::title)
                .containsExactlyElementsOf(soloSongs);
    }

    private static String word(Random random, String[] syllables) {
        StringBuilder word = new StringBuilder();
        for (int count = 2 + random.nextInt(2); count > 0; count--) {
            word.append(syllables[random.nextInt(syllables.length)]);
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
