package app.chorus.sources;

import app.chorus.sources.spi.SourceEntry;
import java.util.List;

/**
 * The merged answer to a search: the entries, best provider first, and a report per provider
 * (a slow or failing one is reported, never turned into an error).
 */
public record SearchOutcome(List<SourceEntry> entries, List<ProviderReport> providers) {
    public SearchOutcome {
        entries = List.copyOf(entries);
        providers = List.copyOf(providers);
    }

    /** The reports' notes: one sentence per provider that gave nothing. */
    public List<String> notes() {
        return providers.stream().map(ProviderReport::note).filter(note -> !note.isEmpty()).toList();
    }
}
