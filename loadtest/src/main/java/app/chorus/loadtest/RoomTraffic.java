package app.chorus.loadtest;

/**
 * The command cycle of one room's controller: player_state, queue_song, player_state,
 * queue_song, ... with a clear_queue in place of the queue_song that would make the queue
 * longer than {@link #MAX_QUEUED}, so the server's queue limit is never reached. Only the
 * pacer thread calls {@link #sendNext()}, so the fields need no locks.
 */
final class RoomTraffic {

    static final int MAX_QUEUED = 5;

    private final RunContext ctx;
    private final ClientConnection controller;
    private long step;
    private int queued;

    RoomTraffic(RunContext ctx, ClientConnection controller) {
        this.ctx = ctx;
        this.controller = controller;
    }

    void sendNext() {
        if (!controller.isJoined()) {
            return;
        }
        long now = System.nanoTime();
        // Song and request ids only need to be unique within the room; the room index keeps
        // them readable in server logs.
        String tag = controller.roomIndex + "-" + step;
        String message;
        if (step % 2 == 0) {
            message = ctx.messages.playerState("s" + tag, now, System.currentTimeMillis());
        } else if (queued >= MAX_QUEUED) {
            message = OutgoingMessages.clearQueue("c" + tag);
            queued = 0;
            ctx.stats.acksExpected.increment();
        } else {
            message = ctx.messages.queueSong("s" + tag, now, "q" + tag);
            queued++;
            ctx.stats.acksExpected.increment();
        }
        step++;
        ctx.stats.commandsSent.increment();
        controller.send(message);
    }
}
