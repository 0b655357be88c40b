package app.chorus.pipeline;

import app.chorus.audio.SyntheticSong;
import app.chorus.jobs.Job;
import app.chorus.jobs.Jobs;
import app.chorus.library.Library;
import app.chorus.library.SongSort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * The demo song a newcomer finds in the library: 48 seconds of generated backing and a sung-like
 * melody, with synced lyrics that follow its phrases. It is imported like any upload (an
 * {@code import_file} job: probe, separation, stems), so the whole flow can be watched without a
 * file of one's own.
 */
public final class DemoSong {
    public static final String TITLE = "Chorus Demo";
    public static final String ARTIST = "Chorus";
    private static final int RATE = 44_100;
    private static final double SECONDS = 48;
    private static final String[] LINES = {
        "Welcome to Chorus, the night is young",
        "Pick up a phone and choose a song",
        "The words light up in time with you",
        "The music plays, the stage is new",
        "Sing it loud or sing it low",
        "Pass the mic and steal the show",
    };

    private final Library library;
    private final Jobs jobs;
    private final Uploads uploads;
    private final ImportFile importer;

    public DemoSong(Library library, Jobs jobs, Uploads uploads, ImportFile importer) {
        this.library = library;
        this.jobs = jobs;
        this.uploads = uploads;
        this.importer = importer;
    }

    /** Queues the demo's import on a new install: no song and no job yet. */
    public Optional<Job> addOnFirstRun() throws IOException {
        boolean fresh = library.list(null, SongSort.DATE_ADDED, false, 1, 0).total() == 0 && jobs.list(null, true).isEmpty();
        return fresh ? Optional.of(add()) : Optional.empty();
    }

    /** Queues the demo's import unless the library already has it. */
    public Optional<Job> addUnlessPresent() throws IOException {
        boolean present = library.byArtist(ARTIST, SongSort.TITLE, true, 50, 0).items().stream()
                .anyMatch(song -> song.title().equals(TITLE));
        return present ? Optional.empty() : Optional.of(add());
    }

    private Job add() throws IOException {
        SyntheticSong song = SyntheticSong.create(TITLE, RATE, SECONDS, 220, 196, 100, 2026);
        Path staged = uploads.newStagedFile();
        try {
            song.write(staged, "ipod", avcodec.AV_CODEC_ID_AAC,
                    Map.of("title", TITLE, "artist", ARTIST, "album", "Chorus", "genre", "Demo"));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        return jobs.enqueue(importer.request(staged, "chorus-demo.m4a", lyrics(song)));
    }

    /** One line per sung phrase, shown when the phrase starts. */
    static String lyrics(SyntheticSong song) {
        StringBuilder lrc = new StringBuilder("[ti:" + TITLE + "]\n[ar:" + ARTIST + "]\n");
        int phrases = (int) (SECONDS / song.phraseSeconds());
        for (int phrase = 0; phrase < phrases; phrase++) {
            double start = phrase * song.phraseSeconds();
            lrc.append(String.format(Locale.ROOT, "[%02d:%05.2f]%s%n", (int) (start / 60), start % 60,
                    LINES[phrase % LINES.length]));
        }
        return lrc.toString();
    }
}
