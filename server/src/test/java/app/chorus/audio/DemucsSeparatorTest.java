package app.chorus.audio;

import app.chorus.process.OutputLines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.TestMedia;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Demucs separator against a stand-in: a bash script that takes Demucs's options, talks like
 * Demucs (its tqdm bar on stderr, redrawn with '\r') and copies stems this test made beforehand to
 * where Demucs would write them. Real Demucs needs PyTorch and cannot be installed here.
 */
class DemucsSeparatorTest {
    private static final int RATE = 44_100;
    private static final double SECONDS = 6.0;

    /** Follows demucs/separate.py: out/model/filename, with {track}, {trackext}, {stem} and {ext} filled in. */
    private static final String STAND_IN = """
            #!/usr/bin/env bash
            printf '%s\\n' "$@" > '@ARGS@'
            model=htdemucs out=separated filename='{track}/{stem}.{ext}' stem= track=
            while [ $# -gt 0 ]; do
              case "$1" in
                --two-stems) stem=$2; shift 2 ;;
                -n|--name) model=$2; shift 2 ;;
                -o|--out) out=$2; shift 2 ;;
                --filename) filename=$2; shift 2 ;;
                -*) echo "demucs.separate: error: unrecognized arguments: $1" >&2; exit 2 ;;
                *) track=$1; shift ;;
              esac
            done
            [ -f "$track" ] || { echo "File $track does not exist." >&2; exit 1; }
            if [ '@MODE@' = nomodule ]; then echo '/usr/bin/python3: No module named demucs' >&2; exit 1; fi
            echo "Selected model is a bag of 1 models. You will see that many progress bars per track."
            echo "Separated tracks will be stored in $out/$model"
            # A model download draws a bar in bytes; it is no separation progress.
            printf '100%%|##########| 80.2M/80.2M [00:02<00:00, 35.1MB/s]\\n' >&2
            bar() {
              printf '\\r%3d%%|%-10s| %s/52.0 [00:01<00:03, 13.1seconds/s]' "$1" "$2" "$3" >&2
              [ '@PACE@' = 0 ] || sleep '@PACE@'
            }
            bar 0 '' 0.00; bar 25 '██▌' 13.0; bar 50 '█████' 26.0; bar 75 '███████▌' 39.0; bar 100 '██████████' 52.0
            printf '\\n' >&2
            case '@MODE@' in
              fail) for i in $(seq 1 100); do printf 'log line %03d\\n' "$i"; done
                    echo 'RuntimeError: out of memory' >&2; exit 3 ;;
              silent) exit 0 ;;
              hang) sleep 300; exit 0 ;;
            esac
            name=$(basename "$track")
            place() {
              local path=${filename//'{track}'/${name%.*}}
              path=${path//'{trackext}'/${name##*.}}; path=${path//'{stem}'/$1}; path=${path//'{ext}'/wav}
              mkdir -p "$(dirname "$out/$model/$path")" && cp "$2" "$out/$model/$path"
            }
            place "$stem" '@VOCALS@'
            place "no_$stem" '@ACCOMPANIMENT@'
            """;

    @TempDir
    Path folder;
    private Path original;
    private Path work;

    @BeforeEach
    void makeTheSongAndItsStems() throws IOException {
        FfmpegLog.quiet();
        original = TestMedia.write(folder.resolve("song.flac"), TestMedia.Kind.FLAC, SECONDS);
        work = Files.createDirectories(folder.resolve("work"));
        // A quiet voice that needs gain, and a quiet accompaniment whose loud 10 ms bursts limit its gain.
        writeStem(folder.resolve("made-vocals.wav"), index -> 0.05 * Math.sin(2 * Math.PI * 440 * index / RATE));
        writeStem(folder.resolve("made-accompaniment.wav"), index -> index % RATE < RATE / 100
                ? 0.5 * Math.sin(2 * Math.PI * 1000 * index / RATE)
                : 0.02 * Math.sin(2 * Math.PI * 110 * index / RATE));
    }

    @Test
    void separatesWithDemucsAndEncodesBothStemsAsM4aOfTheSongsLength() throws Exception {
        List<Double> shares = new CopyOnWriteArrayList<>();

        StemSplitter.Stems stems = separator(standIn("ok", 0.2), "htdemucs").split(original, work, shares::add);

        for (Path stem : List.of(stems.vocals(), stems.accompaniment())) {
            Decoded decoded = decode(stem);
            assertThat(decoded.codec()).as(stem.toString()).isEqualTo(avcodec.AV_CODEC_ID_AAC);
            assertThat(decoded.format()).contains("mp4");
            assertThat(decoded.durationMs()).as(stem.toString()).isBetween(5_900L, 6_150L);
        }
        assertThat(stems.vocals()).isEqualTo(work.resolve("vocals.m4a"));
        assertThat(stems.accompaniment()).isEqualTo(work.resolve("accompaniment.m4a"));
        assertThat(stems.durationMs()).isBetween(5_950L, 6_050L);
        assertThat(shares).isSorted().last().isEqualTo(1.0);
        assertThat(shares).as("Demucs's bar, part way, within its 80%").anyMatch(share -> share > 0 && share < 0.8);
        assertThat(work.resolve("demucs")).doesNotExist();
    }

    @Test
    void bringsEachStemToTheOriginalsLoudnessWithoutPeaksAboveMinusOneDbfs() throws Exception {
        StemSplitter.Stems stems = separator(standIn("ok", 0), "htdemucs").split(original, work, share -> { });

        Decoded song = decode(original);
        Decoded vocals = decode(stems.vocals());
        Decoded accompaniment = decode(stems.accompaniment());
        assertThat(stems.originalLufs()).isCloseTo(song.lufs(), offset(0.1));
        assertThat(vocals.lufs()).as("raised by about 17 dB").isCloseTo(song.lufs(), offset(1.0));
        assertThat(vocals.peak()).isLessThan(0.9f);
        assertThat(accompaniment.peak()).as("limited by its bursts").isBetween(0.8f, 0.95f);
        assertThat(accompaniment.lufs()).isLessThan(song.lufs() - 3);
    }

    @Test
    void givesDemucsTheModelTwoStemsAndAnOutputFolderInTheWorkFolder() throws Exception {
        separator(standIn("ok", 0), "mdx_extra_q").split(original, work, share -> { });

        List<String> arguments = Files.readAllLines(folder.resolve("arguments"));
        assertThat(arguments).containsSubsequence("--two-stems", "vocals")
                .containsSubsequence("-n", "mdx_extra_q")
                .containsSubsequence("-o", work.toAbsolutePath().resolve("demucs").toString())
                .containsSubsequence("--filename", "{stem}.{ext}")
                .last().isEqualTo(original.toAbsolutePath().toString());
    }

    @Test
    void aFailingDemucsGivesItsExitCodeAndTheEndOfItsOutput() throws Exception {
        DemucsSeparator demucs = separator(standIn("fail", 0), "htdemucs");

        assertThatThrownBy(() -> demucs.split(original, work, share -> { }))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("RuntimeError: out of memory")
                .hasMessageContaining("log line 100")
                .hasMessageNotContaining("log line 050");
    }

    @Test
    void demucsEndingWithoutItsStemsIsAnError() throws Exception {
        DemucsSeparator demucs = separator(standIn("silent", 0), "htdemucs");

        assertThatThrownBy(() -> demucs.split(original, work, share -> { }))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageContaining("without writing")
                .hasMessageContaining("vocals.wav")
                .hasMessageContaining("100%|██████████| 52.0/52.0");
    }

    @Test
    void aDemucsThatCannotBeFoundOrLacksItsPythonModuleIsUnavailable() throws Exception {
        DemucsSeparator missing = new DemucsSeparator(List.of(folder.resolve("no-such-demucs").toString()),
                DemucsSeparator.DEFAULT_MODEL, ProcessBuilder::start);
        DemucsSeparator unnamed = new DemucsSeparator(List.of("chorus-no-such-demucs"), DemucsSeparator.DEFAULT_MODEL,
                ProcessBuilder::start);
        DemucsSeparator moduleless = separator(standIn("nomodule", 0), "htdemucs");

        assertThatThrownBy(() -> missing.split(original, work, share -> { }))
                .isInstanceOf(SeparatorUnavailable.class).hasMessageContaining("could not be started");
        assertThatThrownBy(() -> unnamed.split(original, work, share -> { }))
                .isInstanceOf(SeparatorUnavailable.class).hasMessageContaining("chorus-no-such-demucs");
        assertThatThrownBy(() -> moduleless.split(original, work, share -> { }))
                .isInstanceOf(SeparatorUnavailable.class).hasMessageContaining("No module named demucs");
    }

    @Test
    void anInterruptKillsDemucsAndWhatItStartedAtOnce() throws Exception {
        AtomicReference<Process> started = new AtomicReference<>();
        DemucsSeparator demucs = new DemucsSeparator(List.of(standIn("hang", 0).toString()), "htdemucs", builder -> {
            Process process = builder.start();
            started.set(process);
            return process;
        });
        List<Double> shares = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                demucs.split(original, work, shares::add);
            } catch (Throwable thrown) {
                outcome.set(thrown);
            }
        });
        // Once the bar is full, the one child left is the endless sleep.
        await().atMost(Duration.ofSeconds(10)).until(() -> shares.contains(0.8)
                && started.get().descendants().findAny().isPresent());
        List<ProcessHandle> processes = Stream.concat(Stream.of(started.get().toHandle()), started.get().descendants()).toList();

        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(Duration.ofSeconds(2));

        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(processes).hasSizeGreaterThanOrEqualTo(2);
        long scriptPid = started.get().pid();
        await().atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.of(scriptPid).filter(ProcessHandle::isAlive).isEmpty());
        await().atMost(Duration.ofSeconds(2)).until(() -> processes.stream().noneMatch(DemucsSeparatorTest::isRunning));
    }

    /**
     * Whether a process still runs. A killed grandchild is no longer ours to reap: it stays a
     * zombie (which {@link ProcessHandle#isAlive} counts as alive) until init reaps it, which in
     * some containers takes seconds.
     */
    private static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    @Test
    void isAvailableLooksForTheProgramOnThePathOrAtItsPathWithoutRunningIt() throws Exception {
        Path script = standIn("hang", 0);
        Path notExecutable = Files.writeString(folder.resolve("bin").resolve("plain"), "#!/bin/sh\n");
        String searchPath = folder.resolve("elsewhere") + java.io.File.pathSeparator + script.getParent();

        assertThat(DemucsSeparator.isAvailable(List.of(script.toString()))).isTrue();
        assertThat(DemucsSeparator.isAvailable(List.of(notExecutable.toString()))).isFalse();
        assertThat(DemucsSeparator.isAvailable(List.of(folder.resolve("no-such-demucs").toString()))).isFalse();
        assertThat(DemucsSeparator.isAvailable(List.of("demucs"), searchPath)).isTrue();
        assertThat(DemucsSeparator.isAvailable(List.of("plain"), searchPath)).isFalse();
        assertThat(DemucsSeparator.isAvailable(List.of("demucs"), folder.resolve("elsewhere").toString())).isFalse();
        assertThat(DemucsSeparator.isAvailable(List.of())).isFalse();
        assertThat(Files.exists(folder.resolve("arguments"))).as("the stand-in never ran").isFalse();
    }

    @Test
    void aModelDownloadBarIsNotSeparationProgressAndEachModelOfABagTakesItsShare() {
        TqdmProgress progress = new TqdmProgress();
        progress.hear("100%|██████████| 80.2M/80.2M [00:02<00:00, 35.1MB/s]");
        assertThat(progress.share()).isZero();

        progress.hear("Selected model is a bag of 4 models. You will see that many progress bars per track.");
        progress.hear(" 50%|█████     | 26.0/52.0 [00:10<00:10, 2.60seconds/s]");
        assertThat(progress.share()).isCloseTo(0.125, offset(1e-9));
        progress.hear("100%|██████████| 52.0/52.0 [00:20<00:00, 2.60seconds/s]");
        progress.hear("  0%|          | 0.00/52.0 [00:00<?, ?seconds/s]");
        progress.hear(" 50%|█████     | 26.0/52.0 [00:10<00:10, 2.60seconds/s]");
        assertThat(progress.share()).isCloseTo(0.375, offset(1e-9));
    }

    @Test
    void redrawsOfABarTakeOneLineOfTheTail() {
        List<String> heard = new ArrayList<>();
        OutputLines output = new OutputLines(3, heard::add);
        byte[] bytes = "one\r\ntwo\n\r 10%|bar\r 90%|bar\r100%|bar\nthree\nfour".getBytes(StandardCharsets.UTF_8);

        output.write(bytes, bytes.length);
        output.close();

        assertThat(heard).containsExactly("one", "two", " 10%|bar", " 90%|bar", "100%|bar", "three", "four");
        assertThat(output.tail()).isEqualTo("100%|bar\nthree\nfour");
    }

    private DemucsSeparator separator(Path script, String model) {
        return new DemucsSeparator(List.of(script.toString()), model, ProcessBuilder::start);
    }

    /** Writes the stand-in as {@code bin/demucs}; {@code pace} is how long it lingers on each redraw of its bar. */
    private Path standIn(String mode, double pace) throws IOException {
        Path script = Files.createDirectories(folder.resolve("bin")).resolve("demucs");
        Files.writeString(script, STAND_IN.replace("@ARGS@", folder.resolve("arguments").toString())
                .replace("@MODE@", mode).replace("@PACE@", pace == 0 ? "0" : Double.toString(pace))
                .replace("@VOCALS@", folder.resolve("made-vocals.wav").toString())
                .replace("@ACCOMPANIMENT@", folder.resolve("made-accompaniment.wav").toString()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Writes {@link #SECONDS} of a signal, the same on both sides, as 16-bit WAV at 44.1 kHz, as Demucs does. */
    private static void writeStem(Path file, java.util.function.IntToDoubleFunction signal) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(RATE);
            recorder.start();
            int total = (int) (SECONDS * RATE);
            short[] interleaved = new short[2 * total];
            for (int index = 0; index < total; index++) {
                short value = (short) Math.round(signal.applyAsDouble(index) * Short.MAX_VALUE);
                interleaved[2 * index] = value;
                interleaved[2 * index + 1] = value;
            }
            recorder.recordSamples(RATE, 2, ShortBuffer.wrap(interleaved));
            recorder.stop();
        }
    }

    private record Decoded(String format, int codec, long durationMs, double lufs, float peak) {
    }

    private static Decoded decode(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.setAudioChannels(2);
            grabber.start();
            Loudness loudness = new Loudness(grabber.getSampleRate(), 2);
            float[] frame = new float[2];
            float peak = 0;
            long frames = 0;
            for (Frame audio = grabber.grabSamples(); audio != null; audio = grabber.grabSamples()) {
                FloatBuffer samples = (FloatBuffer) audio.samples[0];
                while (samples.remaining() >= 2) {
                    frame[0] = samples.get();
                    frame[1] = samples.get();
                    loudness.add(frame);
                    peak = Math.max(peak, Math.max(Math.abs(frame[0]), Math.abs(frame[1])));
                    frames++;
                }
            }
            return new Decoded(grabber.getFormat(), grabber.getAudioCodec(), frames * 1000 / grabber.getSampleRate(),
                    loudness.integrated(), peak);
        }
    }
}
