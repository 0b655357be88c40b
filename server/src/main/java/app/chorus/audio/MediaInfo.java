package app.chorus.audio;

import java.util.Map;

/**
 * What decoding a media file found.
 *
 * @param container  FFmpeg's name of the container ("mp3", "ogg", "mov,mp4,m4a,3gp,3g2,mj2", ...)
 * @param audioCodec FFmpeg's name of the audio codec ("mp3", "opus", "aac", "flac", "pcm_s16le", ...)
 * @param durationMs the length of the audio that really decodes
 * @param hasVideo   a real video track (an embedded cover picture does not count)
 * @param tags       the container's tags, keys in lower case (title, artist, album, date, genre, ...)
 * @param cover      the embedded cover picture as stored in the file, or null
 * @param peaks      the peak level (0-1) of every 10 ms of the audio, for a waveform
 */
public record MediaInfo(String container, String audioCodec, int sampleRate, int channels, long durationMs,
                        boolean hasVideo, Map<String, String> tags, CoverArt cover, float[] peaks) {
    /** An embedded picture: its bytes and what they are ("jpeg", "png" or "webp"). */
    public record CoverArt(byte[] bytes, String type) {
    }

    public MediaInfo {
        tags = Map.copyOf(tags);
    }

    public String tag(String name) {
        String value = tags.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
