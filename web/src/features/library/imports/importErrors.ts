// What went wrong with an import by URL or by folder, said so that a person knows what to do.
// Pure, so the texts are unit-tested.

/** A checked-in-the-browser problem with a URL, or null when it may be sent. */
export function urlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "Paste the address of a page with the song (a video or music page).";
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return "This is not a web address: it should start with https://";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Only http:// and https:// addresses can be imported.";
  return null;
}

/** A checked-in-the-browser problem with a server folder path, or null. */
export function folderProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "Type the path of a folder on the server, e.g. /srv/karaoke.";
  if (!trimmed.startsWith("/") && !/^[A-Za-z]:[\\/]/.test(trimmed)) {
    return "Give the folder's full path on the server, starting with / (e.g. /srv/karaoke).";
  }
  return null;
}

/** The server's refusal of an import, explained. */
export function explainImportError(code: string | null, message: string): string {
  switch (code) {
    case "URL_NOT_ALLOWED":
      return `This address cannot be imported: ${message}. Chorus only downloads from public http(s) pages, `
        + "not from addresses on the local network or with a user name or password in them.";
    case "URL_IMPORT_UNAVAILABLE":
      return `Importing from web pages is not available on this server: ${message}. `
        + "The administrator has to install yt-dlp (or point the ytdlp-path setting at it).";
    case "REQUEST_VALIDATION_ERROR":
      return `The server did not accept this address: ${message}.`;
    case "FOLDER_IMPORT_DISABLED":
      return "Importing folders is turned off on this server. The administrator has to list the folders it may read "
        + "with the --import-folders setting (e.g. --import-folders /srv/karaoke) and restart Chorus.";
    case "FOLDER_NOT_ALLOWED":
      return `This folder is not inside the folders the server may read (its --import-folders setting): ${message}.`;
    case "FOLDER_NOT_FOUND":
      return `There is no folder at this path on the server: ${message}.`;
    case "NOT_A_FOLDER":
      return `This path is not a folder: ${message}.`;
    case "INVALID_PATH":
      return `Give the folder's full path on the server: ${message}.`;
    default:
      return message;
  }
}
