package app.chorus.jobs;

import java.time.Duration;

/**
 * @param maxConcurrent jobs this node runs at once
 * @param lease         a running job whose node sent no heartbeat for this long is taken over
 * @param maxAttempts   starts a job gets in all; an interruption after the last one fails it
 */
public record JobSettings(int maxConcurrent, Duration lease, int maxAttempts) {
}
