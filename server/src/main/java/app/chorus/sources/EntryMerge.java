package app.chorus.sources;

import app.chorus.sources.spi.SourceEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the providers' lists into one: in the order given (providers in configured order, each
 * list best first), with an entry that names a recording already listed (the same
 * {@code source:id}, a {@code sameAs} key, or the same video URL) folded into the earlier one,
 * which keeps its fields and takes only the ones it lacks. Not thread-safe; one per search.
 */
final class EntryMerge {
    private final List<SourceEntry> merged = new ArrayList<>();
    private final List<Set<String>> keysOf = new ArrayList<>();
    private final Map<String, Integer> indexOfKey = new HashMap<>();

    void add(SourceEntry entry) {
        Set<String> keys = keys(entry);
        Integer existing = null;
        for (String key : keys) {
            existing = indexOfKey.get(key);
            if (existing != null) {
                break;
            }
        }
        if (existing == null) {
            merged.add(entry);
            keysOf.add(keys);
            keys.forEach(key -> indexOfKey.put(key, merged.size() - 1));
            return;
        }
        int index = existing;
        merged.set(index, fill(merged.get(index), entry));
        keysOf.get(index).addAll(keys);
        keys.forEach(key -> indexOfKey.putIfAbsent(key, index));
    }

    List<SourceEntry> entries() {
        return List.copyOf(merged);
    }

    private static Set<String> keys(SourceEntry entry) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(entry.key());
        keys.addAll(entry.sameAs());
        if (entry.videoUrl() != null) {
            keys.add("url:" + entry.videoUrl());
        }
        return keys;
    }

    /** The first entry, with whatever it lacks taken from the later one. */
    private static SourceEntry fill(SourceEntry first, SourceEntry later) {
        Set<String> sameAs = new LinkedHashSet<>(first.sameAs());
        sameAs.add(later.key());
        sameAs.addAll(later.sameAs());
        sameAs.remove(first.key());
        return new SourceEntry(first.source(), first.id(), first.title(), first.artist(),
                first.uploader().isEmpty() ? later.uploader() : first.uploader(),
                first.duration() != null ? first.duration() : later.duration(),
                first.videoUrl() != null ? first.videoUrl() : later.videoUrl(),
                first.thumbnailUrl() != null ? first.thumbnailUrl() : later.thumbnailUrl(),
                first.album() != null ? first.album() : later.album(),
                first.pageUrl() != null ? first.pageUrl() : later.pageUrl(), sameAs);
    }
}
