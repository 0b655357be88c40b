package app.chorus.sources;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the server may be asked to fetch media from: http and https only, no user name or
 * password in them, and, unless allowed by configuration, no host that is or resolves to a
 * loopback, private, link-local, shared (CGNAT), multicast or otherwise non-public address, so a
 * URL import cannot be used to reach the server's own network. A host that does not resolve is
 * let through: the downloader then fails on it by itself. Thread-safe.
 */
public final class UrlPolicy {
    /** Longest URL accepted, in characters. */
    public static final int MAX_URL_CHARS = 2048;

    /** Looks up a host's addresses (the system resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public UrlPolicy(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public UrlPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL, parsed, when it may be fetched; {@link RefusedUrl} says why not otherwise. */
    public URI check(String text) {
        if (text == null || text.isBlank()) {
            throw new RefusedUrl("The URL is empty");
        }
        if (text.length() > MAX_URL_CHARS) {
            throw new RefusedUrl("The URL is longer than " + MAX_URL_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrl("Not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrl("Only http and https URLs can be imported");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrl("A URL with a user name or password cannot be imported");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrl("The URL has no host");
        }
        if (!allowPrivate) {
            refuseLocal(host.toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    private void refuseLocal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            throw new RefusedUrl("URLs of this server's own machine (" + host + ") cannot be imported");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException unresolved) {
            return;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedUrl("The host " + host + " is a local or private address (" + address.getHostAddress()
                        + "); such URLs cannot be imported unless the server allows them (url-import-allow-private)");
            }
        }
    }

    /** Whether an address is on the public internet. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            if (isV4Mapped(bytes) || isNat64(bytes)) {
                return isPublicV4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            }
        }
        return true;
    }

    private static boolean isPublicV4(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0)
                || (first == 198 && (second == 18 || second == 19)));
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int index = 0; index < 10; index++) {
            if (bytes[index] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }

    private static boolean isNat64(byte[] bytes) {
        // 64:ff9b::/96, the well-known NAT64 prefix.
        if (bytes[0] != 0 || bytes[1] != 0x64 || (bytes[2] & 0xFF) != 0xFF || (bytes[3] & 0xFF) != 0x9B) {
            return false;
        }
        for (int index = 4; index < 12; index++) {
            if (bytes[index] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A URL the server will not fetch; the message says why, for the person who gave it. */
    public static final class RefusedUrl extends RuntimeException {
        public RefusedUrl(String message) {
            super(message, null, false, false);
        }
    }
}
