package app.chorus.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a file is CD+G karaoke graphics: a stream of 24-byte subcode packets, 300 per
 * second, whose graphics packets carry command 0x09 in their low six bits. Nothing is decoded
 * here; the display draws the packets. Stateless.
 */
public final class CdgGraphics {
    /** Bytes in one subcode packet. */
    public static final int PACKET_BYTES = 24;
    /** Packets per second of playback (75 sectors of 4 packets). */
    public static final int PACKETS_PER_SECOND = 300;
    private static final int COMMAND_TV_GRAPHICS = 0x09;
    private static final int COMMAND_MASK = 0x3F;

    private CdgGraphics() {
    }

    /**
     * The playing time the graphics cover, in milliseconds; throws {@link UnsupportedMedia} when
     * the file holds no CD+G graphics. A final partial packet (a file cut short) is ignored.
     */
    public static long check(Path file) throws IOException, UnsupportedMedia {
        long size = Files.size(file);
        if (size < PACKET_BYTES) {
            throw new UnsupportedMedia("not_cdg",
                    "The CD+G file is too short to hold a single packet (" + size + " bytes)");
        }
        boolean graphics = false;
        try (InputStream input = Files.newInputStream(file)) {
            byte[] packet = new byte[PACKET_BYTES];
            while (!graphics && input.readNBytes(packet, 0, PACKET_BYTES) == PACKET_BYTES) {
                graphics = (packet[0] & COMMAND_MASK) == COMMAND_TV_GRAPHICS;
            }
        }
        if (!graphics) {
            throw new UnsupportedMedia("not_cdg",
                    "The file has no CD+G graphics packets (command 0x09); it is not a .cdg file");
        }
        return size / PACKET_BYTES * 1000 / PACKETS_PER_SECOND;
    }
}
