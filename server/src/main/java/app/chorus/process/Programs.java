package app.chorus.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finding an external program without running it. Stateless. */
public final class Programs {
    private Programs() {
    }

    /** Where {@code program} is: a name is looked up on the PATH, a path must be an executable file. */
    public static Optional<Path> locate(String program) {
        return locate(program, System.getenv("PATH"));
    }

    /** The same, on the given search path. */
    public static Optional<Path> locate(String program, String searchPath) {
        if (program == null || program.isBlank()) {
            return Optional.empty();
        }
        if (program.contains("/") || program.contains(File.separator)) {
            return executable(program);
        }
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(Pattern.quote(File.pathSeparator))) {
            if (!folder.isEmpty()) {
                Optional<Path> found = executable(folder + File.separator + program);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
