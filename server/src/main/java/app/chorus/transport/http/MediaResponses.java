package app.chorus.transport.http;

import app.chorus.library.StoredMedia;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * Sends a stored media file, honouring {@code Range} so a browser's audio element can seek:
 * 206 with {@code Content-Range} for a part, 416 for a range past the end, 200 otherwise. The
 * file is streamed from disk, never read into memory.
 */
final class MediaResponses {
    private MediaResponses() {
    }

    static void send(Context context, StoredMedia media, String downloadName) throws IOException {
        long size = media.size();
        // The length and ranges are of the file's own bytes: a compressed body would contradict
        // them (browsers ask for gzip on every request, and CD+G's octet-stream compresses).
        context.disableCompression();
        context.header("Accept-Ranges", "bytes");
        context.header("Content-Disposition", "inline; filename*=UTF-8''"
                + URLEncoder.encode(downloadName, StandardCharsets.UTF_8).replace("+", "%20"));
        context.contentType(media.format().contentType());
        ByteRange range = ByteRange.of(context.header("Range"), size);
        long first = 0;
        long length = size;
        switch (range) {
            case ByteRange.Unsatisfiable unsatisfiable -> {
                context.status(416).header("Content-Range", "bytes */" + size);
                context.result(new byte[0]);
                return;
            }
            case ByteRange.Part part -> {
                first = part.first();
                length = part.length();
                context.status(206).header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
            }
            case ByteRange.Whole whole -> context.status(200);
        }
        context.header("Content-Length", Long.toString(length));
        if (context.method() == HandlerType.HEAD) {
            return;
        }
        FileChannel channel = FileChannel.open(media.path(), StandardOpenOption.READ);
        channel.position(first);
        context.result(limited(Channels.newInputStream(channel), length));
    }

    /** At most {@code limit} bytes of {@code input}; closing it closes the file. */
    private static InputStream limited(InputStream input, long limit) {
        return new FilterInputStream(input) {
            private long remaining = limit;

            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int next = super.read();
                if (next >= 0) {
                    remaining--;
                }
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int count = super.read(buffer, offset, (int) Math.min(length, remaining));
                if (count > 0) {
                    remaining -= count;
                }
                return count;
            }
        };
    }
}
