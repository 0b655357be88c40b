package app.chorus.transport.http;

import io.javalin.http.Context;
import java.net.URI;

/** Where clients reach this server, for making paths on it (the library's streams) absolute. */
final class PublicUrl {
    private PublicUrl() {
    }

    /** {@code public-url} when set (without a trailing slash), else the scheme and authority the request came to. */
    static String base(Context context, String configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        URI request = URI.create(context.url());
        return request.getScheme() + "://" + request.getRawAuthority();
    }
}
