package app.chorus.transport;

import app.chorus.jobs.Job;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job in the JSON shape of the Open Karaoke Studio API (protocols/oks-socketio.md), shared by
 * the HTTP routes and the /ws feed: its keys in its order, times as ISO-8601 with {@code +00:00},
 * then the fields Chorus adds ({@code kind}, {@code attempts}).
 */
public final class JobJson {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private JobJson() {
    }

    public static Map<String, Object> of(Job job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("filename", job.filename());
        json.put("status", job.status().wireName());
        json.put("progress", job.progress());
        json.put("status_message", job.statusMessage());
        json.put("task_id", job.id());
        json.put("song_id", job.songId());
        json.put("title", job.title());
        json.put("artist", job.artist());
        json.put("created_at", iso(job.createdAt()));
        json.put("started_at", iso(job.startedAt()));
        json.put("completed_at", iso(job.completedAt()));
        json.put("error", job.error());
        json.put("notes", job.notes());
        json.put("dismissed", job.dismissed());
        json.put("kind", job.kind());
        json.put("attempts", job.attempts());
        return json;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : ISO.format(instant);
    }
}
