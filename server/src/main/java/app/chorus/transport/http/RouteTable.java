package app.chorus.transport.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers HTTP routes and remembers them, so the OpenAPI document can be checked against the
 * routes that really exist, and so the SPA fallback knows a request reached a real route.
 */
public final class RouteTable {
    static final String ROUTE_ATTRIBUTE = "chorus.route";

    /** One registered route, path in OpenAPI form ({@code /rooms/{room_id}}). */
    public record Route(String method, String path) {
    }

    private final RoutesConfig routes;
    private final List<Route> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, Handler handler) {
        add(HandlerType.GET, path, handler);
    }

    void post(String path, Handler handler) {
        add(HandlerType.POST, path, handler);
    }

    void put(String path, Handler handler) {
        add(HandlerType.PUT, path, handler);
    }

    void patch(String path, Handler handler) {
        add(HandlerType.PATCH, path, handler);
    }

    void delete(String path, Handler handler) {
        add(HandlerType.DELETE, path, handler);
    }

    private void add(HandlerType type, String path, Handler handler) {
        registered.add(new Route(type.name().toLowerCase(), path));
        routes.addHttpHandler(type, path, context -> {
            context.attribute(ROUTE_ATTRIBUTE, path);
            handler.handle(context);
        });
    }

    /** Every route registered so far. */
    public List<Route> routes() {
        return List.copyOf(registered);
    }
}
