package app.chorus.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Identifying media by decoding it: real files of every common format, and files that are not media. */
class MediaProbeTest {
    private final MediaProbe probe = new MediaProbe();

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestMedia.Kind.class)
    void everyCommonFormatIsRecognisedWithItsRealDurationAndTags(TestMedia.Kind kind) throws Exception {
        Path file = TestMedia.write(folder.resolve("song." + kind.extension), kind, 3.0,
                "title", "Test Tone", "artist", "The Testers");

        MediaInfo info = probe.probe(file, share -> { });

        assertThat(info.durationMs()).isBetween(2_900L, 3_150L);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.peaks()).as("a peak per 10 ms").hasSizeBetween(290, 315);
        float loudest = 0;
        for (float peak : info.peaks()) {
            loudest = Math.max(loudest, peak);
        }
        assertThat(loudest).as("the chord peaks near 0.5 of full scale").isBetween(0.3f, 0.6f);
        assertThat(info.hasVideo()).isEqualTo(kind == TestMedia.Kind.MP4_VIDEO);
        if (kind != TestMedia.Kind.WAV) {
            assertThat(info.tag("title")).isEqualTo("Test Tone");
            assertThat(info.tag("artist")).isEqualTo("The Testers");
        }
    }

    @Test
    void anEmbeddedCoverPictureIsFoundAndIsNotTakenForAVideo() throws Exception {
        byte[] png = TestMedia.png();
        Path file = TestMedia.withCover(TestMedia.write(folder.resolve("cover.mp3"), TestMedia.Kind.MP3, 2.0), png, "image/png");

        MediaInfo info = probe.probe(file, share -> { });

        assertThat(info.cover()).isNotNull();
        assertThat(info.cover().type()).isEqualTo("png");
        assertThat(info.cover().bytes()).isEqualTo(png);
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.durationMs()).isBetween(1_900L, 2_150L);
        assertThat(probe.probe(TestMedia.write(folder.resolve("plain.mp3"), TestMedia.Kind.MP3, 1.0), share -> { }).cover())
                .isNull();
    }

    @Test
    void aFileThatIsNotMediaIsRefusedWhateverItsName() throws IOException {
        Path text = Files.writeString(folder.resolve("song.mp3"), "This is not music at all, just some text.\n".repeat(50));
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path random = Files.write(folder.resolve("noise.flac"), noise);
        Path empty = Files.write(folder.resolve("empty.wav"), new byte[0]);

        for (Path file : new Path[] {text, random, empty}) {
            assertThatThrownBy(() -> probe.probe(file, share -> { })).as(file.getFileName().toString())
                    .isInstanceOf(UnsupportedMedia.class);
        }
    }

    @Test
    void aFileCutShortOfWhatItsHeaderSaysIsRefusedAsTruncated() throws Exception {
        Path whole = TestMedia.write(folder.resolve("long.flac"), TestMedia.Kind.FLAC, 20.0);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(folder.resolve("cut.flac"), Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(() -> probe.probe(truncated, share -> { }))
                .isInstanceOf(UnsupportedMedia.class)
                .hasMessageContaining("truncated")
                .extracting(failure -> ((UnsupportedMedia) failure).reason()).isEqualTo("truncated");
    }

    @Test
    void anMp4CutBeforeItsIndexCannotBeOpened() throws Exception {
        Path whole = TestMedia.write(folder.resolve("long.m4a"), TestMedia.Kind.M4A, 10.0);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(folder.resolve("cut.m4a"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> probe.probe(truncated, share -> { })).isInstanceOf(UnsupportedMedia.class);
    }
}
