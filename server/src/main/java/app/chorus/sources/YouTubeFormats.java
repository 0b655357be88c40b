package app.chorus.sources;

import app.chorus.sources.spi.VideoUrl;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Picks, among the formats yt-dlp lists for a video, the one URL a browser's {@code <video>}
 * element plays on its own, and says how long that URL may be reused. Stateless.
 *
 * <p>Only progressive files fetched over plain HTTP qualify: the video-only and audio-only DASH
 * formats need a player that joins them, HLS ({@code m3u8}) plays natively in Safari only, and
 * storyboards ({@code mhtml}) are thumbnails. When a video has no progressive file, its best
 * audio-only file is still worth playing: the singer hears the song, the lyrics show anyway.
 */
final class YouTubeFormats {
    /** A URL is dropped this long before it expires, so a song queued now still plays when its turn comes. */
    static final Duration SAFETY_MARGIN = Duration.ofMinutes(5);
    private static final Set<String> DIRECT_PROTOCOLS = Set.of("http", "https");
    /** googlevideo URLs say when they stop working, in epoch seconds. */
    private static final Pattern EXPIRE = Pattern.compile("[?&]expire=(\\d{1,12})(?:&|$)");

    private static final Comparator<JsonNode> BEST_PROGRESSIVE = Comparator
            .comparing((JsonNode format) -> "mp4".equals(text(format, "ext")))
            .thenComparingInt(YouTubeFormats::height)
            .thenComparingDouble(format -> number(format, "tbr"));
    private static final Comparator<JsonNode> BEST_AUDIO = Comparator
            .comparing((JsonNode format) -> "m4a".equals(text(format, "ext")))
            .thenComparingDouble(format -> number(format, "abr") > 0 ? number(format, "abr") : number(format, "tbr"));

    private YouTubeFormats() {
    }

    /**
     * The URL to play from yt-dlp's {@code formats}: the best progressive file no taller than
     * {@code maxHeight} (MP4 first, then height, then bitrate), else the best audio-only file (M4A
     * first, then bitrate); empty when neither exists.
     */
    static Optional<String> playableUrl(JsonNode formats, int maxHeight) {
        Optional<JsonNode> progressive = direct(formats)
                .filter(format -> hasCodec(format, "vcodec") && hasCodec(format, "acodec"))
                .filter(format -> height(format) <= maxHeight)
                .max(BEST_PROGRESSIVE);
        Optional<JsonNode> chosen = progressive.isPresent() ? progressive : direct(formats)
                .filter(format -> "none".equals(text(format, "vcodec")) && hasCodec(format, "acodec"))
                .max(BEST_AUDIO);
        return chosen.map(format -> text(format, "url"));
    }

    /**
     * The URL with its lifetime: until its {@code expire} time less {@link #SAFETY_MARGIN};
     * Chorus's default when it has none; never cached when it is (nearly) expired already.
     */
    static VideoUrl lifetime(String url, Instant now) {
        Matcher expire = EXPIRE.matcher(url);
        if (!expire.find()) {
            return VideoUrl.of(url);
        }
        Duration left = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(expire.group(1))))
                .minus(SAFETY_MARGIN);
        return left.isPositive() ? VideoUrl.cachedFor(url, left) : VideoUrl.uncached(url);
    }

    /** Formats a browser fetches as one plain file: HTTP(S), with a URL, without DRM. */
    private static Stream<JsonNode> direct(JsonNode formats) {
        return StreamSupport.stream(formats.spliterator(), false)
                .filter(JsonNode::isObject)
                .filter(format -> DIRECT_PROTOCOLS.contains(text(format, "protocol")))
                .filter(format -> {
                    String url = text(format, "url");
                    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
                })
                .filter(format -> !format.path("has_drm").asBoolean(false));
    }

    /** yt-dlp writes "none" for a stream a format lacks, and leaves the field out when it does not know. */
    private static boolean hasCodec(JsonNode format, String field) {
        String codec = text(format, field);
        return codec != null && !codec.equals("none");
    }

    private static int height(JsonNode format) {
        return format.path("height").isNumber() ? format.path("height").asInt() : 0;
    }

    private static double number(JsonNode format, String field) {
        JsonNode value = format.path(field);
        return value.isNumber() && Double.isFinite(value.asDouble()) ? value.asDouble() : 0;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
