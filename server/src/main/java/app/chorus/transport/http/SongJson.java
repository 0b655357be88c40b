package app.chorus.transport.http;

import app.chorus.library.MediaKind;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Songs in the JSON shapes of the Open Karaoke Studio API (protocols/oks-socketio.md §5): the
 * list item of {@code GET /api/songs} and the song of {@code GET /api/songs/{id}}, plus the
 * fields Chorus adds (listed in docs/protocol.md).
 */
final class SongJson {
    private SongJson() {
    }

    /** The SongListItem of {@code GET /api/songs} and {@code POST /api/songs}. */
    static Map<String, Object> listItem(Song song) {
        Map<String, Object> item = common(song);
        item.put("metadataId", null);
        item.put("releaseTitle", song.provenance().releaseTitle());
        return item;
    }

    /** The Song of {@code GET /api/songs/{id}}, PATCH and by-artist. */
    static Map<String, Object> detail(Song song) {
        Map<String, Object> detail = common(song);
        for (String alwaysNull : new String[] {"youtubeThumbnailUrls", "youtubeTags", "youtubeCategories",
                "youtubeChannelId", "youtubeChannelName", "youtubeRawMetadata", "itunesArtistId", "itunesCollectionId",
                "trackTimeMillis", "itunesExplicit", "itunesPreviewUrl"}) {
            detail.put(alwaysNull, null);
        }
        return detail;
    }

    private static Map<String, Object> common(Song song) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", song.id());
        json.put("title", song.title());
        json.put("artist", song.artist());
        json.put("durationMs", song.durationMs());
        json.put("status", song.status() == SongStatus.READY ? "processed" : song.status().wireName());
        json.put("dateAdded", song.createdAt().toString());
        json.put("vocalPath", trackUrl(song, MediaKind.VOCALS));
        json.put("instrumentalPath", trackUrl(song, MediaKind.INSTRUMENTAL));
        json.put("originalPath", trackUrl(song, MediaKind.ORIGINAL));
        json.put("thumbnail", song.media().cover() == null ? null : song.id() + "/" + song.media().cover());
        json.put("videoId", song.provenance().sourceId());
        json.put("sourceUrl", song.provenance().sourceUrl());
        json.put("uploader", song.provenance().uploader());
        json.put("uploaderId", null);
        json.put("channel", song.provenance().channel());
        json.put("channelId", song.provenance().channelId());
        json.put("channelName", song.provenance().channel());
        json.put("description", song.provenance().description());
        json.put("uploadDate", song.provenance().uploadDate());
        json.put("mbid", song.provenance().mbid());
        json.put("album", song.album());
        json.put("releaseId", song.provenance().releaseId());
        json.put("releaseDate", song.provenance().releaseDate());
        json.put("year", song.year());
        json.put("genre", song.genre());
        json.put("language", song.language());
        json.put("plainLyrics", song.plainLyrics());
        json.put("syncedLyrics", song.syncedLyrics());
        json.put("source", song.source().wireName());
        // Chorus additions.
        json.put("hasCdg", song.media().cdg() != null);
        json.put("cdgPath", song.media().cdg() == null ? null : "/api/songs/" + song.id() + "/cdg");
        json.put("loudnessLufs", song.loudnessLufs());
        json.put("editedFields", song.editedFields().stream().sorted().map(SongField::wireName).toList());
        json.put("updatedAt", song.updatedAt().toString());
        return json;
    }

    private static String trackUrl(Song song, MediaKind kind) {
        return song.media().of(kind) == null ? null : "/api/songs/" + song.id() + "/download/" + kind.wireName();
    }
}
