package app.chorus.rooms;

/** Who in a room receives an event. */
public sealed interface Audience {
    /** Every member. */
    record Everyone() implements Audience {
    }

    /** Members of one client type. */
    record OfType(ClientType type) implements Audience {
    }

    /** Nobody: events the server keeps to itself. */
    record Nobody() implements Audience {
    }

    /**
     * No member, but the clients that watch the room's lineup from outside it (the Open Karaoke
     * Studio's Stage over Socket.IO, in the room {@code oks-room} maps it onto).
     */
    record Watchers() implements Audience {
    }

    /** One member. */
    record Only(long connectionId) implements Audience {
    }

    /** Every member but one (the sender of a change, which already shows it). */
    record AllBut(long connectionId) implements Audience {
    }

    Audience EVERYONE = new Everyone();
    Audience NOBODY = new Nobody();
    Audience WATCHERS = new Watchers();
    Audience DISPLAYS = new OfType(ClientType.DISPLAY);
    Audience CONTROLLERS = new OfType(ClientType.CONTROLLER);

    /** Whether this audience includes the member. */
    default boolean includes(Member member) {
        return switch (this) {
            case Everyone everyone -> true;
            case OfType ofType -> member.type() == ofType.type();
            case Only only -> member.connectionId() == only.connectionId();
            case AllBut allBut -> member.connectionId() != allBut.connectionId();
            case Nobody nobody -> false;
            case Watchers watchers -> false;
        };
    }
}
