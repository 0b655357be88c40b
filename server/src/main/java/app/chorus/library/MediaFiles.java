package app.chorus.library;

/**
 * The names of a song's media files inside its folder, as the server generated them
 * ({@code original.mp3}, {@code cover.jpg}, ...); null where the song has no such file.
 */
public record MediaFiles(String cover, String original, String instrumental, String vocals, String cdg) {
    public static final MediaFiles NONE = new MediaFiles(null, null, null, null, null);

    public String of(MediaKind kind) {
        return switch (kind) {
            case COVER -> cover;
            case ORIGINAL -> original;
            case INSTRUMENTAL -> instrumental;
            case VOCALS -> vocals;
            case CDG -> cdg;
        };
    }

    MediaFiles with(MediaKind kind, String name) {
        return switch (kind) {
            case COVER -> new MediaFiles(name, original, instrumental, vocals, cdg);
            case ORIGINAL -> new MediaFiles(cover, name, instrumental, vocals, cdg);
            case INSTRUMENTAL -> new MediaFiles(cover, original, name, vocals, cdg);
            case VOCALS -> new MediaFiles(cover, original, instrumental, name, cdg);
            case CDG -> new MediaFiles(cover, original, instrumental, vocals, name);
        };
    }
}
