package app.chorus.loadtest;

import java.util.concurrent.ThreadLocalRandom;

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
    /** Set before we close connections ourselves, so those closes are not blamed on the server. */
    volatile boolean shuttingDown;

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
