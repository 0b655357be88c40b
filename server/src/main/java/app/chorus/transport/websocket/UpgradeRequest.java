package app.chorus.transport.websocket;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint may look at before it accepts an upgrade.
 *
 * @param origin  the Origin header, null when absent (not a browser)
 * @param host    the Host header (the authority the client connected to), null when absent
 * @param cookies the request's cookies by name
 * @param query   the raw query string, null when absent (Engine.IO carries its session id there)
 * @param headers every request header by name, values in arrival order
 */
public record UpgradeRequest(String origin, String host, Map<String, String> cookies, String query,
                             Map<String, List<String>> headers) {
}
