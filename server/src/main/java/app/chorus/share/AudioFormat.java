package app.chorus.share;

import java.util.Optional;

/**
 * How a chunk's bytes are to be played. The server never looks inside: it stores and relays the
 * bytes with the format the broadcaster declared.
 */
public enum AudioFormat {
    /** Interleaved IEEE-754 float32 little-endian PCM, as the desktop sharer sends. */
    PCM_F32LE("pcm_f32le"),
    /** One or more Opus packets, as a browser's encoder makes them. */
    OPUS("opus");

    private final String wireName;

    AudioFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AudioFormat> fromWireName(String name) {
        for (AudioFormat format : values()) {
            if (format.wireName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
