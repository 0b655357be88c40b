package app.chorus.jobs;

/**
 * A job to queue: its kind (a registered handler), the handler's input, and what people see
 * (file name, notes as a JSON text, the song it is about, which may be filled in later).
 */
public record JobRequest(String kind, String payload, String filename, String notes, String songId, String title,
                         String artist) {
}
