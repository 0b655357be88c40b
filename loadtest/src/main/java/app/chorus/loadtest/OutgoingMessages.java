package app.chorus.loadtest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Builds the text frames the clients send. They are assembled by hand with a StringBuilder
 * rather than through Jackson because the scheduler thread builds thousands per second and
 * every value except the (pre-escaped) room id is a number or a fixed ASCII token.
 */
final class OutgoingMessages {

    static final String HANDSHAKE_CONTROLLER = "[\"handshake\",{\"client_type\":\"controller\"}]";
    static final String HANDSHAKE_DISPLAY = "[\"handshake\",{\"client_type\":\"display\"}]";
    static final String ENTRY_DURATION = "180.0";

    /** Prefix of every title we send; the send time in nanoseconds follows it. */
    private final String titlePrefix;

    OutgoingMessages(String titlePrefix) {
        this.titlePrefix = titlePrefix;
    }

    /** Quotes and escapes a string once, so that hot paths can paste it in verbatim. */
    static String jsonString(String raw) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(raw)) + "\"";
    }

    static String joinRoom(String roomIdJson, String requestId) {
        return "[\"join_room\",{\"room_id\":" + roomIdJson + ",\"request_id\":\"" + requestId + "\"}]";
    }

    static String pong(long epochMillis) {
        return "[\"pong\",{\"timestamp\":" + epochMillis + "}]";
    }

    String queueSong(String songId, long sendNanos, String requestId) {
        StringBuilder sb = new StringBuilder(256).append("[\"queue_song\",");
        appendEntry(sb, songId, sendNanos);
        // The entry fields are the payload itself; the request id rides along beside them.
        sb.setLength(sb.length() - 1);
        return sb.append(",\"request_id\":\"").append(requestId).append("\"}]").toString();
    }

    String playerState(String songId, long sendNanos, long epochMillis) {
        StringBuilder sb = new StringBuilder(320).append("[\"player_state\",{\"entry\":");
        appendEntry(sb, songId, sendNanos);
        return sb.append(",\"play_state\":\"playing\",\"current_time\":12.5,\"duration\":")
                .append(ENTRY_DURATION)
                .append(",\"volume\":0.8,\"version\":1,\"timestamp\":").append(epochMillis)
                .append("}]").toString();
    }

    static String clearQueue(String requestId) {
        return "[\"clear_queue\",{\"request_id\":\"" + requestId + "\"}]";
    }

    /** Appends a KaraokeEntry object whose title carries the send time. */
    private void appendEntry(StringBuilder sb, String songId, long sendNanos) {
        sb.append("{\"id\":\"").append(songId)
                .append("\",\"title\":\"").append(titlePrefix).append(sendNanos)
                .append("\",\"artist\":\"loadtest\",\"source\":\"loadtest\",\"uploader\":\"lt\",\"duration\":")
                .append(ENTRY_DURATION)
                .append(",\"video_url\":null}");
    }
}
