package app.chorus.library;

/** The names of a playable song, all song search needs to match it; album may be null. */
record SearchableSong(String id, String title, String artist, String album) {
}
