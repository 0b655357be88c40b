package app.chorus.pipeline;

import app.chorus.jobs.JobContext;
import app.chorus.jobs.JobHandler;
import app.chorus.jobs.JobRequest;
import app.chorus.jobs.JobStatus;
import app.chorus.library.Library;
import app.chorus.library.Song;
import app.chorus.metadata.Enrichment;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Enrichment on demand ({@code POST /api/songs/{id}/enrich}): the import's lookup step run again
 * for one song, as a durable job with progress, so a song imported while the services were down
 * (or before a better match existed) can catch up. Outages are notes in the job's last message,
 * as in an import; only a deleted song fails the job. Thread-safe.
 */
public final class EnrichSong implements JobHandler {
    public static final String KIND = "enrich_song";

    private final Library library;
    private final Enrichment enrichment;
    private final ObjectMapper json;

    public EnrichSong(Library library, Enrichment enrichment, ObjectMapper json) {
        this.library = library;
        this.enrichment = enrichment;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The job for a song, which must exist ({@link app.chorus.library.SongNotFound} otherwise). */
    public JobRequest request(String songId) {
        Song song = library.get(songId);
        return new JobRequest(KIND, json.createObjectNode().put("song_id", song.id()).toString(), null, null, song.id(),
                song.title(), song.artist());
    }

    @Override
    public void run(JobContext context) throws Exception {
        String songId = json.readTree(context.payload()).path("song_id").asText();
        if (library.find(songId).isEmpty()) {
            throw new IOException("The song " + songId + " was deleted");
        }
        context.progress(JobStatus.PROCESSING, 10, "Looking up metadata and lyrics");
        int[] step = {10};
        List<String> notes = enrichment.enrich(songId, message -> {
            step[0] = Math.min(90, step[0] + 25);
            context.progress(JobStatus.PROCESSING, step[0], message);
        });
        Song song = library.get(songId);
        context.describe(song.id(), song.title(), song.artist());
        context.progress(JobStatus.FINALIZING, 100, notes.isEmpty() ? "Metadata and lyrics updated"
                : "Metadata and lyrics updated; " + String.join("; ", notes));
    }
}
