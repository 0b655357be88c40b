package app.chorus.transport.socketio;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock every entry into engine.io-server and socket.io-server runs under: polling
 * requests, WebSocket frames and closes, the engine's ping timers, and Chorus's own sends.
 *
 * <p>Why one lock: engine.io-server guards a session's write buffer with a per-session lock, but
 * its transport upgrade, its polling handshake and socket.io-server's room adapter touch shared
 * state outside that lock, or take the adapter's lock and a session's lock in either order. Under
 * load that lost packets, answered a held poll twice, and could deadlock. Serialising all of it
 * costs little (the work done under the lock is parsing and queueing small packets; a held
 * long-poll waits outside it) and makes the library's state single-threaded.
 *
 * <p>Lock order: nothing run under this lock may wait for a room's lock or another feature's
 * lock while a holder of those waits for this one. So features never call the engine directly:
 * their events reach it through the {@link Outbox}, on a thread that holds nothing else.
 * Reentrant.
 */
final class EngineLock {
    /** Work done under the lock that may throw a checked exception. */
    @FunctionalInterface
    interface Action<E extends Exception> {
        void run() throws E;
    }

    private final ReentrantLock lock = new ReentrantLock();

    <E extends Exception> void run(Action<E> action) throws E {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** The value of {@code action}, computed under this lock. */
    <T> T call(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The same task, run under this lock. */
    Runnable guard(Runnable task) {
        return () -> run(task::run);
    }
}
