package app.chorus.loadtest;

import java.time.Duration;
import java.util.List;

/** The listeners of one benchmark run, polling or push; see {@link SharePollers} and {@link SharePushers}. */
interface ShareAudience {

    /** Starts every listener, spread at the ramp's rate; returns once the last one was started. */
    void start() throws InterruptedException;

    /** Waits until every listener is receiving (or failed); returns how many are. */
    int awaitReady(Duration timeout) throws InterruptedException;

    /** Stops listening: no new requests, sockets closed; waits (bounded) for what is in flight. */
    void stop() throws InterruptedException;

    /** What each listener received. */
    List<ReceiptLedger> ledgers();

    /** Anything else worth reporting about the listeners ("" when nothing). */
    String notes();
}
