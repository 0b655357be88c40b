package app.chorus.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ways songs come in, as the transports use them: staged uploads, their import job, URL
 * imports and library folders on the server, and the name of the separator in use.
 */
public record Imports(Uploads uploads, ImportFile files, ImportUrl urls, FolderImport folders, String separator) {
    /** What /health says about importing: which sources work here. */
    public Map<String, Object> describe() {
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("available", urls.isAvailable());
        url.put("program", urls.ytDlp().program());
        Map<String, Object> imports = new LinkedHashMap<>();
        imports.put("url", url);
        imports.put("folder", Map.of("enabled", folders.isEnabled()));
        imports.put("separator", separator);
        return imports;
    }
}
