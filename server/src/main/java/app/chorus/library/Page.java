package app.chorus.library;

import java.util.List;

/** One page of a longer list: the items, how many there are in all, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
