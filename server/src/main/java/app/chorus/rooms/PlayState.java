package app.chorus.rooms;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a display's player is doing. Lowercase on the wire. */
public enum PlayState {
    @JsonProperty("playing") PLAYING,
    @JsonProperty("paused") PAUSED,
    @JsonProperty("finished") FINISHED,
    @JsonProperty("buffering") BUFFERING
}
