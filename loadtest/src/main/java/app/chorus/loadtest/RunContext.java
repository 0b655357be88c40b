package app.chorus.loadtest;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/** State shared by all connections of one run: counters, the frame reader and the run's tag. */
final class RunContext {

    static final long NO_STAMP = Long.MIN_VALUE;

    final LoadStats stats = new LoadStats();
    final FrameReader reader = new FrameReader();
    /**
     * Titles look like "lt 3f2a91 123456789". The random run tag keeps titles left on a
     * reused server by an earlier run (whose nanoTime origin differs) from being mistaken
     * for ours.
     */
    final String titlePrefix = "lt " + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff)) + " ";
    final OutgoingMessages messages = new OutgoingMessages(titlePrefix);
    /**
     * One shared callback: sends succeed silently, failures are only counted. Declared
     * non-blocking so Jetty may complete it on the selector thread instead of dispatching a
     * task per completed write.
     */
    final Callback sendCallback;
    /** Set before we close connections ourselves, so those closes are not blamed on the server. */
    volatile boolean shuttingDown;

    RunContext() {
        sendCallback = Callback.from(Invocable.InvocationType.NON_BLOCKING, () -> { },
                failure -> stats.sendFailures.increment());
    }

    /** Send time embedded in a title we sent during this run, or NO_STAMP. */
    long parseStamp(String title) {
        if (title == null || !title.startsWith(titlePrefix)) {
            return NO_STAMP;
        }
        try {
            return Long.parseLong(title, titlePrefix.length(), title.length(), 10);
        } catch (NumberFormatException e) {
            return NO_STAMP;
        }
    }
}
