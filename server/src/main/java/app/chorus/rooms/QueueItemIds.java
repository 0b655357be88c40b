package app.chorus.rooms;

import java.security.SecureRandom;

/** Makes 21-character URL-safe random ids (nanoid's format, as the original queue items have). */
final class QueueItemIds {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
    private static final int LENGTH = 21;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int index = 0; index < LENGTH; index++) {
            id[index] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
