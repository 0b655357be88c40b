package app.chorus.audio;

import org.bytedeco.ffmpeg.global.avutil;

/** Keeps FFmpeg's console output (stream dumps, warnings) out of the server's output; errors come back as exceptions. */
final class FfmpegLog {
    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private FfmpegLog() {
    }

    /** Makes sure the level is set before FFmpeg is first used. */
    static void quiet() {
        // The static initialiser does the work, once.
    }
}
