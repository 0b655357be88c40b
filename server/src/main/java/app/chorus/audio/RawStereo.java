package app.chorus.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Interleaved stereo floats in a file of their own, in the machine's byte order, moved in large
 * blocks: where separated audio waits until its gain is known. Not thread-safe.
 */
final class RawStereo {
    private static final int BLOCK = 1 << 16;

    private RawStereo() {
    }

    /** Writes frames to a new (or emptied) file. */
    static final class Writer implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(BLOCK).order(ByteOrder.nativeOrder());

        Writer(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        void write(float left, float right) throws IOException {
            if (bytes.remaining() < 2 * Float.BYTES) {
                drain();
            }
            bytes.putFloat(left).putFloat(right);
        }

        private void drain() throws IOException {
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            bytes.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                channel.close();
            }
        }
    }

    /** Reads back what a {@link Writer} wrote. */
    static final class Reader implements StemEncoder.Samples {
        private final FileChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(BLOCK).order(ByteOrder.nativeOrder());

        Reader(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }

        @Override
        public int read(float[] buffer) throws IOException {
            int filled = 0;
            boolean ended = false;
            while (filled < buffer.length && !ended) {
                bytes.clear().limit(Math.min(BLOCK, (buffer.length - filled) * Float.BYTES));
                while (bytes.hasRemaining() && !ended) {
                    ended = channel.read(bytes) < 0;
                }
                bytes.flip();
                int count = bytes.remaining() / Float.BYTES;
                bytes.asFloatBuffer().get(buffer, filled, count);
                filled += count;
            }
            return filled - filled % 2;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
