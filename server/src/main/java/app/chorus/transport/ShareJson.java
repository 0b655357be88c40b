package app.chorus.transport;

import app.chorus.share.SessionInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** A music share session's status as the push transports (/ws and Socket.IO) answer a listen: snake_case. */
public final class ShareJson {
    private ShareJson() {
    }

    /** {@code {session_id, is_active, start_time, listener_count, current_metadata: {title, artist}}}. */
    public static Map<String, Object> status(SessionInfo session) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("session_id", session.id());
        result.put("is_active", session.active());
        result.put("start_time", session.startTime());
        result.put("listener_count", session.listenerCount());
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("title", session.title());
        current.put("artist", session.artist());
        result.put("current_metadata", current);
        return result;
    }
}
