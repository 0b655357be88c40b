package app.chorus.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One music share broadcaster on the HTTP API, as the desktop client sends: a chunk of audio
 * every chunk length, in real time, and metadata every 100 ms, each on its own thread and each
 * request waiting for the previous one. A request that takes longer than its period delays the
 * next, which then goes at once (the schedule is kept, not shifted); how late each send was is
 * recorded, as are the requests' round trips. A chunk's {@code timestamp} is the benchmark clock
 * at the moment it is sent. Failures are counted, never thrown, once the session has started.
 * Thread-safe.
 */
final class ShareBroadcaster {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final HttpClient http;
    private final URI api;
    private final String token;
    private final String sessionId;
    private final ShareContent content;
    private final BenchClock clock;
    private final ShareRunStats stats;
    private final long chunkNanos;
    private final long metadataNanos;

    private final Recorder audioRoundTripMicros = new Recorder(MAX_MICROS, 3);
    private final Recorder metadataRoundTripMicros = new Recorder(MAX_MICROS, 3);
    private final Recorder sendLagMicros = new Recorder(MAX_MICROS, 3);
    private volatile boolean sending;
    private Thread audioThread;
    private Thread metadataThread;
    private long sessionStartMillis;

    /** The timestamp of each chunk sent, by sequence number; guarded by this. */
    private long[] chunkTimestamps = new long[1024];
    /** Chunks the server accepted and buffered; guarded by this. */
    private final BitSet accepted = new BitSet();

    ShareBroadcaster(HttpClient http, URI baseUrl, String token, String sessionId, ShareContent content, BenchClock clock,
                     ShareRunStats stats, Duration chunkLength, Duration metadataInterval) {
        this.http = http;
        this.api = baseUrl.resolve("/api/share/");
        this.token = token;
        this.sessionId = sessionId;
        this.content = content;
        this.clock = clock;
        this.stats = stats;
        this.chunkNanos = chunkLength.toNanos();
        this.metadataNanos = metadataInterval.toNanos();
    }

    /**
     * Starts the session and the two sending threads.
     *
     * @throws IOException when the session cannot be started: nothing to measure then
     */
    void start() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("start")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"" + sessionId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /api/share/start answered " + response.statusCode() + ": " + response.body());
        }
        sessionStartMillis = clock.nowMillis();
        sending = true;
        long startNanos = System.nanoTime();
        audioThread = Thread.ofPlatform().name("share-broadcast-audio").daemon().start(() -> sendAudio(startNanos));
        metadataThread = Thread.ofPlatform().name("share-broadcast-metadata").daemon().start(() -> sendMetadata(startNanos));
    }

    /** Stops sending (the requests in flight finish first); the session stays open. */
    void stopSending() throws InterruptedException {
        sending = false;
        for (Thread thread : new Thread[] {audioThread, metadataThread}) {
            if (thread != null) {
                thread.join(REQUEST_TIMEOUT.toMillis() + 1000);
            }
        }
    }

    /** Ends the session ({@code POST .../stop}); push listeners are told. */
    void stopSession() {
        try {
            HttpResponse<String> response = http.send(request(sessionId + "/stop")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                stats.errors.count("broadcast stop: HTTP " + response.statusCode(), response.body());
            }
        } catch (IOException e) {
            stats.errors.count("broadcast stop: " + e.getClass().getSimpleName(), String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendAudio(long startNanos) {
        byte[] head = content.audioHead();
        for (int sequenceNumber = 0; sending; sequenceNumber++) {
            if (!waitUntil(startNanos + sequenceNumber * chunkNanos)) {
                return;
            }
            long timestamp = clock.nowMillis();
            noteSent(sequenceNumber, timestamp);
            HttpRequest request = request(sessionId + "/audio").POST(HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofByteArray(ShareContent.audioTail(sequenceNumber, timestamp)))).build();
            String body = post(request, audioRoundTripMicros, "broadcast audio");
            if (body != null) {
                if (body.contains("\"buffered\":true")) {
                    noteAccepted(sequenceNumber);
                } else {
                    stats.errors.count("broadcast audio: not buffered", body);
                }
            }
        }
    }

    private void sendMetadata(long startNanos) {
        byte[] head = content.metadataHead();
        for (long k = 0; sending; k++) {
            if (!waitUntil(startNanos + k * metadataNanos)) {
                return;
            }
            long timestamp = clock.nowMillis();
            byte[] tail = ShareContent.metadataTail((timestamp - sessionStartMillis) / 1000.0, timestamp);
            HttpRequest request = request(sessionId + "/metadata").POST(HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofByteArray(tail))).build();
            post(request, metadataRoundTripMicros, "broadcast metadata");
        }
    }

    /** Sleeps until {@code dueNanos}, recording how late it woke; false once sending stopped. */
    private boolean waitUntil(long dueNanos) {
        long wait;
        while (sending && (wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        sendLagMicros.recordValue(Math.clamp((System.nanoTime() - dueNanos) / 1000, 0, MAX_MICROS));
        return sending;
    }

    /** Posts and records the round trip; the body of a 200, or null after counting the failure. */
    private String post(HttpRequest request, Recorder roundTrip, String what) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            roundTrip.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - started) / 1000));
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() != 200) {
                stats.errors.count(what + ": HTTP " + response.statusCode(), body);
                return null;
            }
            return body;
        } catch (IOException e) {
            stats.errors.count(what + ": " + e.getClass().getSimpleName(), String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", token).header("Content-Type", "application/json");
    }

    private synchronized void noteSent(int sequenceNumber, long timestamp) {
        if (sequenceNumber >= chunkTimestamps.length) {
            chunkTimestamps = Arrays.copyOf(chunkTimestamps, 2 * chunkTimestamps.length);
        }
        chunkTimestamps[sequenceNumber] = timestamp;
    }

    private synchronized void noteAccepted(int sequenceNumber) {
        accepted.set(sequenceNumber);
    }

    /** The chunks every listener should get: accepted by the server and stamped inside the measured window. */
    synchronized BitSet expectedChunks() {
        BitSet expected = new BitSet();
        for (int sequenceNumber = accepted.nextSetBit(0); sequenceNumber >= 0;
                sequenceNumber = accepted.nextSetBit(sequenceNumber + 1)) {
            if (stats.inWindow(chunkTimestamps[sequenceNumber])) {
                expected.set(sequenceNumber);
            }
        }
        return expected;
    }

    /** Round trips of the audio POSTs so far (emptied by the call). */
    Histogram takeAudioRoundTrips() {
        return audioRoundTripMicros.getIntervalHistogram();
    }

    Histogram takeMetadataRoundTrips() {
        return metadataRoundTripMicros.getIntervalHistogram();
    }

    /** How late the sends were against their schedule (emptied by the call). */
    Histogram takeSendLag() {
        return sendLagMicros.getIntervalHistogram();
    }
}
