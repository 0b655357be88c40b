package app.chorus.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory but stops, and cancels the download, as soon as it would pass
 * {@code maxBytes}: a misbehaving or hostile server cannot make us buffer more than the bound, whether
 * it announces the size in {@code Content-Length} or not. Used by one response at a time, as the HTTP
 * client's subscriber contract requires.
 */
final class BoundedBody implements BodySubscriber<byte[]> {
    /** The body was larger than allowed; the download was cancelled. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final long declaredLength;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    /** @param declaredLength the {@code Content-Length}, or -1 when the server did not say */
    BoundedBody(long maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (declaredLength > maxBytes) {
            // Refuse before reading a byte: the server told us it is too big.
            newSubscription.cancel();
            body.completeExceptionally(new TooLarge(maxBytes));
            return;
        }
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> chunks) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer chunk : chunks) {
            if ((long) buffer.size() + chunk.remaining() > maxBytes) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            buffer.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
