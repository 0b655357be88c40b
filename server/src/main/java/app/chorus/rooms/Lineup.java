package app.chorus.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A room's songs as the Open Karaoke Studio sees its queue: the item the player holds (if any)
 * at position 0, then the upcoming queue at positions 1..n. Without a current item the queue
 * still starts at 1 (the OKS front end's "first add sits at position 1, nothing current").
 *
 * @param current  the item the player holds, or null
 * @param upcoming the queue, in order
 */
public record Lineup(QueueItem current, List<QueueItem> upcoming) {
    public static final Lineup EMPTY = new Lineup(null, List.of());

    public Lineup {
        upcoming = List.copyOf(upcoming);
    }

    /** An item with its position in the lineup. */
    public record Placed(QueueItem item, int position) {
    }

    /** Every item with its position, ordered by position. */
    public List<Placed> placed() {
        List<Placed> placed = new ArrayList<>(upcoming.size() + 1);
        if (current != null) {
            placed.add(new Placed(current, 0));
        }
        for (int index = 0; index < upcoming.size(); index++) {
            placed.add(new Placed(upcoming.get(index), index + 1));
        }
        return placed;
    }

    /** The item with this number, current or upcoming. */
    public Optional<Placed> find(int number) {
        return placed().stream().filter(placed -> placed.item().number() == number).findFirst();
    }
}
