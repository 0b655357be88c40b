import { describe, expect, it } from "vitest";
import { explainImportError, folderProblem, urlProblem } from "./importErrors";

describe("urlProblem", () => {
  it("accepts http and https pages", () => {
    expect(urlProblem(" https://www.youtube.com/watch?v=abc ")).toBeNull();
    expect(urlProblem("http://example.com/song")).toBeNull();
  });

  it("explains an empty, malformed or non-web address", () => {
    expect(urlProblem("  ")).toMatch(/Paste the address/);
    expect(urlProblem("youtube.com/watch")).toMatch(/not a web address/);
    expect(urlProblem("ftp://example.com/a.mp3")).toMatch(/Only http/);
  });
});

describe("folderProblem", () => {
  it("wants an absolute path", () => {
    expect(folderProblem("/srv/karaoke")).toBeNull();
    expect(folderProblem("C:\\Music")).toBeNull();
    expect(folderProblem("music/karaoke")).toMatch(/full path/);
    expect(folderProblem("")).toMatch(/Type the path/);
  });
});

describe("explainImportError", () => {
  it("tells the admin setting to change when folder import is off", () => {
    const text = explainImportError("FOLDER_IMPORT_DISABLED", "Folder import is turned off");
    expect(text).toMatch(/--import-folders/);
    expect(text).toMatch(/administrator/);
  });

  it("names yt-dlp when URL import is unavailable and keeps the server's reason", () => {
    const text = explainImportError("URL_IMPORT_UNAVAILABLE", "yt-dlp is not installed");
    expect(text).toContain("yt-dlp is not installed");
    expect(text).toMatch(/install yt-dlp/);
  });

  it("explains refused addresses and passes unknown codes through", () => {
    expect(explainImportError("URL_NOT_ALLOWED", "private address")).toMatch(/public http\(s\) pages/);
    expect(explainImportError(null, "Something broke")).toBe("Something broke");
  });
});
