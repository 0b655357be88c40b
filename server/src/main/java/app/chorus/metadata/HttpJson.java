package app.chorus.metadata;

import app.chorus.metadata.MetadataUnavailable.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * JSON over HTTP for one outside service, with the manners those services ask for: a descriptive
 * User-Agent, time-outs, retries with backoff on 5xx, 429 and network errors (honouring
 * {@code Retry-After} up to {@link MetadataSettings#maxRetryWait()}), an optional minimum spacing
 * between requests, a cache of answers and a bound on their size.
 *
 * <p>All attempts of one call, waits included, fit in a total budget of
 * {@code timeout × (maxRetries + 1)}: a retry that could not start before it is not made.
 *
 * <p>Thread-safe: one instance per service is shared by all callers; the spacing is a single
 * next-free-slot time handed out under a lock, so callers are served in the order they arrive and
 * wait (interruptibly) outside the lock. Cached {@link JsonNode}s are shared: read them, never change them.
 */
public final class HttpJson implements AutoCloseable {
    /** The largest JSON answer accepted; real answers of these services are a few kilobytes to a few hundred. */
    public static final long MAX_JSON_BYTES = 2L * 1024 * 1024;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final String service;
    private final MetadataSettings settings;
    private final long minimumIntervalNanos;
    private final HttpClient client;
    private final ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final Cache<String, Optional<JsonNode>> answers;
    private final Object spacingLock = new Object();
    private long nextSlotNanos; // guarded by spacingLock

    /**
     * A client for {@code service} (its name appears in every failure message).
     *
     * @param minimumInterval the least time between the starts of two requests (MusicBrainz: 1 s);
     *                        {@link Duration#ZERO} for none
     */
    public HttpJson(String service, MetadataSettings settings, Duration minimumInterval) {
        this.service = service;
        this.settings = settings;
        this.minimumIntervalNanos = minimumInterval.toNanos();
        this.nextSlotNanos = System.nanoTime();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // Cover Art Archive answers its JSON through a redirect to archive.org.
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.cacheSize())
                .build();
    }

    /** A client without spacing between requests. */
    public HttpJson(String service, MetadataSettings settings) {
        this(service, settings, Duration.ZERO);
    }

    /** The service's name, as used in failure messages. */
    public String service() {
        return service;
    }

    /**
     * GETs {@code uri} and parses the answer; 404 is {@code Optional.empty()}. Successful and 404 answers
     * are cached by URL; an answer that fails {@code expectedShape} is reported and not cached.
     *
     * @throws MetadataUnavailable when no usable answer came within the retries and the budget
     */
    public Optional<JsonNode> get(URI uri, Predicate<JsonNode> expectedShape) throws MetadataUnavailable {
        String key = uri.toString();
        Optional<JsonNode> cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> body = fetch(uri, "application/json", MAX_JSON_BYTES, false);
        Optional<JsonNode> answer = body.isEmpty() ? Optional.empty() : Optional.of(parse(body.get(), expectedShape));
        answers.put(key, answer);
        return answer;
    }

    /**
     * Downloads an image of at most {@code maxBytes} (not cached: images are large and stored by the
     * caller); 404 is {@code Optional.empty()}, a content type other than {@code image/*} is MALFORMED.
     */
    public Optional<byte[]> image(URI uri, long maxBytes) throws MetadataUnavailable {
        return fetch(uri, "image/*", maxBytes, true);
    }

    /** A failure of this service, for the clients' own checks of an answer's content. */
    MetadataUnavailable failure(Reason reason, String message) {
        return new MetadataUnavailable(service, reason, message);
    }

    /** Percent-encodes a query value; spaces become %20, which every one of these services reads as a space. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code base} (which may carry a path prefix, e.g. behind a proxy) followed by {@code pathAndQuery}. */
    static URI join(URI base, String pathAndQuery) {
        String prefix = base.toString();
        return URI.create((prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + pathAndQuery);
    }

    @Override
    public void close() {
        client.close();
    }

    /** What one attempt produced: a final answer, or a failure worth another attempt. */
    private sealed interface Outcome {
        record Answer(Optional<byte[]> body) implements Outcome {
        }

        /** @param retryAfter the server's hint, or null to use our own backoff */
        record Retry(Reason reason, String detail, Throwable cause, Duration retryAfter) implements Outcome {
        }
    }

    private Optional<byte[]> fetch(URI uri, String accept, long maxBytes, boolean imageOnly) throws MetadataUnavailable {
        long deadline = System.nanoTime() + settings.timeout().multipliedBy(settings.maxRetries() + 1L).toNanos();
        Outcome.Retry last = null;
        for (int attempt = 1; attempt <= settings.maxRetries() + 1; attempt++) {
            if (last != null) {
                Duration wait = last.retryAfter() != null ? min(last.retryAfter(), settings.maxRetryWait()) : backoff(attempt - 1);
                if (System.nanoTime() + wait.toNanos() >= deadline) {
                    throw gaveUp(last, attempt - 1, "the time budget would run out");
                }
                pause(wait.toNanos());
            }
            switch (attemptOnce(uri, accept, maxBytes, imageOnly, deadline)) {
                case Outcome.Answer answer -> {
                    return answer.body();
                }
                case Outcome.Retry retry -> last = retry;
            }
        }
        throw gaveUp(last, settings.maxRetries() + 1, "no retries left");
    }

    private Outcome attemptOnce(URI uri, String accept, long maxBytes, boolean imageOnly, long deadline)
            throws MetadataUnavailable {
        pause(reserveSlot());
        long remainingNanos = deadline - System.nanoTime();
        if (remainingNanos <= 0) {
            throw failure(Reason.TIMEOUT, "no answer within the time budget (waited for a turn too long)");
        }
        Duration attemptTimeout = min(settings.timeout(), Duration.ofNanos(remainingNanos));
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(attemptTimeout)
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .build();
        // Only a 200's body is read (and bounded); error pages are discarded unread.
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> info.statusCode() == 200
                ? new BoundedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : BodySubscribers.<byte[]>replacing(null));
        HttpResponse<byte[]> response;
        try {
            // The request time-out covers only the wait for headers; this also bounds a slow body.
            response = pending.get(attemptTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            return new Outcome.Retry(Reason.TIMEOUT, "no answer within " + attemptTimeout.toMillis() + " ms", slow, null);
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(Reason.NETWORK, "interrupted while waiting for an answer");
        } catch (ExecutionException failed) {
            return transportFailure(failed.getCause());
        }
        return judge(response, imageOnly);
    }

    private Outcome transportFailure(Throwable cause) throws MetadataUnavailable {
        return switch (cause) {
            case BoundedBody.TooLarge tooLarge -> throw failure(Reason.TOO_LARGE, tooLarge.getMessage());
            case HttpTimeoutException timeout -> new Outcome.Retry(Reason.TIMEOUT, "no answer in time", timeout, null);
            case IOException network -> new Outcome.Retry(Reason.NETWORK, "could not be reached: " + network, network, null);
            default -> throw new MetadataUnavailable(service, Reason.NETWORK, "request failed: " + cause, cause);
        };
    }

    private Outcome judge(HttpResponse<byte[]> response, boolean imageOnly) throws MetadataUnavailable {
        int status = response.statusCode();
        if (status == 200) {
            if (imageOnly) {
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("image/")) {
                    throw failure(Reason.MALFORMED, "answered content type '" + type + "' where an image was expected");
                }
            }
            return new Outcome.Answer(Optional.of(response.body()));
        }
        if (status == 404) {
            return new Outcome.Answer(Optional.empty());
        }
        if (status == 429) {
            return new Outcome.Retry(Reason.RATE_LIMITED, "asked us to slow down (HTTP 429)", null, RetryAfter.of(response));
        }
        if (status >= 500) {
            return new Outcome.Retry(Reason.HTTP_STATUS, "answered HTTP " + status, null, RetryAfter.of(response));
        }
        // Other 4xx (and unexpected 1xx-3xx): the request itself is wrong, asking again cannot help.
        throw failure(Reason.HTTP_STATUS, "answered HTTP " + status + " for " + response.uri());
    }

    private JsonNode parse(byte[] body, Predicate<JsonNode> expectedShape) throws MetadataUnavailable {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new MetadataUnavailable(service, Reason.MALFORMED, "answered something that is not JSON: "
                    + notJson.getOriginalMessage(), notJson);
        } catch (IOException unreadable) {
            throw new MetadataUnavailable(service, Reason.MALFORMED, "answer could not be read", unreadable);
        }
        if (tree == null || tree.isMissingNode() || !expectedShape.test(tree)) {
            throw failure(Reason.MALFORMED, "answered JSON of an unexpected shape");
        }
        return tree;
    }

    /** Exponential backoff from 250 ms with up to 50 % jitter, so many callers do not retry in step. */
    private Duration backoff(int retryNumber) {
        long capNanos = settings.maxRetryWait().toNanos();
        long baseNanos = Math.min(capNanos, FIRST_BACKOFF.toNanos() << Math.min(retryNumber - 1, 20));
        long jitterNanos = ThreadLocalRandom.current().nextLong(baseNanos / 2 + 1);
        return Duration.ofNanos(Math.min(capNanos, baseNanos + jitterNanos));
    }

    /** Takes the next free slot and returns how long to wait for it; zero without spacing. */
    private long reserveSlot() {
        if (minimumIntervalNanos == 0) {
            return 0;
        }
        synchronized (spacingLock) {
            long now = System.nanoTime();
            long slot = nextSlotNanos - now > 0 ? nextSlotNanos : now;
            nextSlotNanos = slot + minimumIntervalNanos;
            return slot - now;
        }
    }

    private void pause(long nanos) throws MetadataUnavailable {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure(Reason.NETWORK, "interrupted while waiting to ask again");
        }
    }

    private MetadataUnavailable gaveUp(Outcome.Retry last, int attempts, String why) {
        String message = last.detail() + " (" + attempts + " attempt" + (attempts == 1 ? "" : "s") + ", " + why + ")";
        return new MetadataUnavailable(service, last.reason(), message, last.cause());
    }

    private static Duration min(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
