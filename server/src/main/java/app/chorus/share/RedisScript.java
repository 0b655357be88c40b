package app.chorus.share;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the music share's Lua scripts (resources {@code app/chorus/share/redis/}), run by its
 * SHA-1 so a chunk write does not resend the script each time. The whole text goes only when
 * Redis does not know the script (a restarted or flushed Redis). Immutable and thread-safe.
 */
final class RedisScript {
    private static final String FOLDER = "/app/chorus/share/redis/";

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script {@code name}.lua after {@code prelude} (the shared functions). */
    static RedisScript load(String name, String prelude) {
        return new RedisScript(name, prelude + "\n" + read(name + ".lua"));
    }

    /** The text of a script file. */
    static String read(String file) {
        try (InputStream in = RedisScript.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("The music share script " + FOLDER + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the music share script " + file, e);
        }
    }

    /** Makes Redis cache the script now, so a syntax error shows at start rather than at the first write. */
    void preload(RedisCommands<String, byte[]> redis) {
        String loaded = redis.scriptLoad(source);
        if (!sha.equals(loaded)) {
            throw new IllegalStateException("Redis gave the script " + name + " the digest " + loaded + ", expected " + sha);
        }
    }

    /** Runs the script atomically; EVALSHA first, EVAL (which also caches it) if Redis lost it. */
    <T> T run(RedisCommands<String, byte[]> redis, ScriptOutputType type, String[] keys, byte[]... arguments) {
        try {
            return redis.evalsha(sha, type, keys, arguments);
        } catch (RedisNoScriptException unknown) {
            return redis.eval(source, type, keys, arguments);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
