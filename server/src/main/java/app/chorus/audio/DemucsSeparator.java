package app.chorus.audio;

import app.chorus.files.Folders;
import app.chorus.process.ChildProcess;
import app.chorus.process.OutputLines;
import app.chorus.process.ProcessStarter;
import app.chorus.process.Programs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/**
 * Separates vocals with Demucs (github.com/facebookresearch/demucs), run as an external command:
 * {@code <command> --two-stems vocals -n <model> -o <workDir>/demucs --filename {stem}.{ext} <original>},
 * which writes {@code <workDir>/demucs/<model>/vocals.wav} and {@code no_vocals.wav} (the
 * {@code --filename} option needs Demucs 4). The stems are then encoded like the built-in
 * separator's: AAC in M4A, each brought to the original's loudness. Demucs's own progress bar
 * drives the first 80% of the progress, measuring and encoding the rest. An interrupt kills
 * Demucs and everything it started. Stateless and thread-safe.
 */
public final class DemucsSeparator implements Separator {
    /** The model Demucs itself uses when given none: Hybrid Transformer Demucs. */
    public static final String DEFAULT_MODEL = "htdemucs";
    private static final double SEPARATION_SHARE = 0.8;
    private static final int TAIL_LINES = 40;
    /** A model name becomes a folder name: keep it to what Demucs's names and signatures use. */
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private final List<String> command;
    private final String model;
    private final ProcessStarter processes;

    /**
     * @param command   how to run Demucs: {@code ["demucs"]}, {@code ["python3", "-m", "demucs"]}, or a path
     * @param model     a pretrained model name such as {@value #DEFAULT_MODEL}
     * @param processes how to start Demucs when {@link #split(Path, Path, DoubleConsumer)} is called
     *                  without a starter of its own ({@code ProcessBuilder::start} outside a job)
     */
    public DemucsSeparator(List<String> command, String model, ProcessStarter processes) {
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("The Demucs command is empty");
        }
        if (!MODEL_NAME.matcher(model).matches()) {
            throw new IllegalArgumentException("Not a Demucs model name: " + model);
        }
        this.command = List.copyOf(command);
        this.model = model;
        this.processes = processes;
    }

    /**
     * Whether the command's program can be found, without running it (Demucs takes seconds to
     * start): a name is looked up on the PATH, a path must be an executable file. For
     * {@code python3 -m demucs} that checks Python only; a missing module shows when it runs.
     */
    public static boolean isAvailable(List<String> command) {
        return isAvailable(command, System.getenv("PATH"));
    }

    static boolean isAvailable(List<String> command, String searchPath) {
        return !command.isEmpty() && Programs.locate(command.getFirst(), searchPath).isPresent();
    }

    @Override
    public StemSplitter.Stems split(Path original, Path workDir, DoubleConsumer progress) throws IOException, InterruptedException {
        return split(original, workDir, processes, progress);
    }

    /**
     * Runs Demucs on {@code original}, then writes {@code vocals.m4a} and {@code accompaniment.m4a}
     * into {@code workDir}. Throws {@link SeparatorUnavailable} when Demucs cannot be run, an
     * {@link IOException} with the end of its output when it fails.
     */
    @Override
    public StemSplitter.Stems split(Path original, Path workDir, ProcessStarter starter, DoubleConsumer progress)
            throws IOException, InterruptedException {
        Path output = workDir.toAbsolutePath().resolve("demucs");
        // Stems left by an earlier attempt must not pass for this one's.
        Folders.delete(output);
        Path stems = runDemucs(original.toAbsolutePath(), output, starter,
                share -> progress.accept(SEPARATION_SHARE * share));
        StemSplitter.Stems encoded = encode(original, stems, workDir, progress);
        Folders.delete(output);
        return encoded;
    }

    /** Returns the folder Demucs wrote the stems to, having checked they are there. */
    private Path runDemucs(Path original, Path outputFolder, ProcessStarter starter, DoubleConsumer progress)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(arguments(original, outputFolder))
                .directory(outputFolder.getParent().toFile())
                .redirectErrorStream(true);
        // Python buffers a pipe's output; unbuffered, the messages arrive as they happen, in order.
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process = start(starter, builder);
        TqdmProgress separation = new TqdmProgress();
        OutputLines output = new OutputLines(TAIL_LINES, separation::hear);
        int exitCode = ChildProcess.await(process, output, () -> progress.accept(separation.share()));
        String tail = output.tail();
        // A job's cancel may kill Demucs before it interrupts us: that is a stop, not a failure.
        StemEncoder.stopIfInterrupted("Separation stopped");
        if (exitCode != 0) {
            if (tail.contains("No module named demucs")) {
                throw new SeparatorUnavailable("Demucs is not installed for " + describe() + ":\n" + tail, null);
            }
            throw new IOException("Demucs failed with exit code " + exitCode + "; its last output:\n" + tail);
        }
        Path stems = outputFolder.resolve(model);
        for (String stem : List.of("vocals.wav", "no_vocals.wav")) {
            if (!Files.isRegularFile(stems.resolve(stem))) {
                throw new IOException("Demucs ended without writing " + stems.resolve(stem) + "; its last output:\n" + tail);
            }
        }
        progress.accept(1.0);
        return stems;
    }

    private List<String> arguments(Path original, Path output) {
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of("--two-stems", "vocals", "-n", model, "-o", output.toString(),
                "--filename", "{stem}.{ext}", original.toString()));
        return arguments;
    }

    private Process start(ProcessStarter starter, ProcessBuilder builder) throws SeparatorUnavailable {
        try {
            return starter.start(builder);
        } catch (IOException e) {
            throw new SeparatorUnavailable("Demucs could not be started with " + describe() + ": " + e.getMessage(), e);
        }
    }

    private String describe() {
        return "'" + String.join(" ", command) + "'";
    }

    /** Measures the original, then brings each stem to its loudness and encodes both at once. */
    private static StemSplitter.Stems encode(Path original, Path stems, Path workDir, DoubleConsumer progress)
            throws IOException, InterruptedException {
        StemEncoder.Measurement song = StemEncoder.measure(original);
        double target = song.meter().lufs();
        progress.accept(SEPARATION_SHARE + (1 - SEPARATION_SHARE) / 4);
        Path vocals = workDir.resolve("vocals.m4a");
        Path accompaniment = workDir.resolve("accompaniment.m4a");
        StemEncoder.both(
                () -> StemEncoder.encodeMatched(stems.resolve("vocals.wav"), vocals, target),
                () -> StemEncoder.encodeMatched(stems.resolve("no_vocals.wav"), accompaniment, target));
        progress.accept(1.0);
        return new StemSplitter.Stems(vocals, accompaniment, target, song.durationMs());
    }
}
