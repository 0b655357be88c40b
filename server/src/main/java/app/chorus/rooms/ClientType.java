package app.chorus.rooms;

/** The two kinds of /ws client: a TV display that plays, a phone controller that queues. */
public enum ClientType {
    CONTROLLER("controller"), DISPLAY("display");

    private final String wireName;

    ClientType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or null when it names none. */
    public static ClientType fromWireName(String name) {
        for (ClientType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
