package app.chorus.process;

import java.io.IOException;

/**
 * Starts a child process from a prepared builder. A job passes {@code JobContext::start}, so that
 * cancelling the job kills the process too; outside a job {@code ProcessBuilder::start} does.
 */
@FunctionalInterface
public interface ProcessStarter {
    Process start(ProcessBuilder builder) throws IOException;
}
