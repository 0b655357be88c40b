package app.chorus.transport.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves one WebSocket path in front of the rest of the server: checks the opening handshake
 * (RFC 6455 section 4.2.1), asks the endpoint's {@link WebSocketAcceptor} whether to accept,
 * answers 101 and hands the socket to a {@link WebSocketChannel}. Every other request passes on
 * to the wrapped handler. A refused or malformed upgrade gets an HTTP error with a JSON
 * {@code {"detail": ...}} body, the shape of the server's other errors. A handler made with
 * {@link #sharingPath} instead passes requests without an Upgrade header on, for a path that
 * plain HTTP also serves (Socket.IO's long-polling). Thread-safe.
 */
public final class WebSocketUpgradeHandler extends Handler.Wrapper {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String VERSION = "13";

    private final String path;
    private final WebSocketAcceptor acceptor;
    private final WebSocketLimits limits;
    private final boolean passPlainRequests;

    /** Owns {@code path}: a request to it that is not a WebSocket upgrade gets 426. */
    public WebSocketUpgradeHandler(String path, WebSocketAcceptor acceptor, WebSocketLimits limits) {
        this(path, acceptor, limits, false);
    }

    private WebSocketUpgradeHandler(String path, WebSocketAcceptor acceptor, WebSocketLimits limits,
                                    boolean passPlainRequests) {
        this.path = path;
        this.acceptor = acceptor;
        this.limits = limits;
        this.passPlainRequests = passPlainRequests;
    }

    /** Takes only the WebSocket upgrades to {@code path}; its other requests go on to the wrapped handler. */
    public static WebSocketUpgradeHandler sharingPath(String path, WebSocketAcceptor acceptor, WebSocketLimits limits) {
        return new WebSocketUpgradeHandler(path, acceptor, limits, true);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!path.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        boolean upgrade = hasToken(headers.get(HttpHeader.UPGRADE), "websocket");
        if (!upgrade && passPlainRequests) {
            return super.handle(request, response, callback);
        }
        if (!upgrade) {
            response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
            return error(response, callback, HttpStatus.UPGRADE_REQUIRED_426,
                    "This is a WebSocket endpoint: connect with a WebSocket client");
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            return error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "A WebSocket upgrade must be a GET");
        }
        if (request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400, "A WebSocket upgrade must use HTTP/1.1");
        }
        if (!hasToken(headers.get(HttpHeader.CONNECTION), "upgrade")) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400, "Missing 'Connection: Upgrade'");
        }
        if (!VERSION.equals(trim(headers.get(HttpHeader.SEC_WEBSOCKET_VERSION)))) {
            response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_VERSION, VERSION);
            return error(response, callback, HttpStatus.UPGRADE_REQUIRED_426, "Only WebSocket version 13 is supported");
        }
        String key = trim(headers.get(HttpHeader.SEC_WEBSOCKET_KEY));
        if (!isValidKey(key)) {
            return error(response, callback, HttpStatus.BAD_REQUEST_400, "Sec-WebSocket-Key must be 16 bytes in base64");
        }

        WebSocketListener listener;
        try {
            listener = acceptor.accept(new UpgradeRequest(headers.get(HttpHeader.ORIGIN), headers.get(HttpHeader.HOST),
                    cookies(request), request.getHttpURI().getQuery(), headerMap(headers)));
        } catch (UpgradeRefused refused) {
            return error(response, callback, refused.status(), refused.getMessage());
        }

        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        WebSocketChannel channel = new WebSocketChannel(endPoint, request.getComponents().getExecutor(),
                request.getComponents().getScheduler(), request.getComponents().getByteBufferPool(), listener, limits);
        response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
        response.getHeaders().put(HttpHeader.UPGRADE, "websocket");
        response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
        response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_ACCEPT, acceptKey(key));
        // Jetty's HTTP/1.1 connection replaces itself with the channel once the 101 is written.
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, channel);
        response.write(true, null, callback);
        return true;
    }

    /** The Sec-WebSocket-Accept value for a client's key (RFC 6455 section 4.2.2). */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static boolean isValidKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a comma-separated header value contains {@code token}, ignoring case. */
    private static boolean hasToken(String value, String token) {
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static Map<String, String> cookies(Request request) {
        Map<String, String> cookies = new HashMap<>();
        for (HttpCookie cookie : Request.getCookies(request)) {
            cookies.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        return cookies;
    }

    private static Map<String, List<String>> headerMap(HttpFields headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (HttpField field : headers) {
            map.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return map;
    }

    private static boolean error(Response response, Callback callback, int status, String detail) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, "{\"detail\":" + jsonString(detail) + "}", callback);
        return true;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
