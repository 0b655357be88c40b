// One upload request with XMLHttpRequest, whose upload.onprogress fetch() does not offer.
import { parseBody, toApiError } from "../../../lib/api";
import type { ImportAnswer } from "../types";

export class UploadCancelled extends Error {
  constructor() {
    super("Upload cancelled");
    this.name = "UploadCancelled";
  }
}

export function sendUpload(
  files: readonly { file: File; name: string }[],
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<ImportAnswer>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportAnswer>((resolve, reject) => {
    xhr.open("POST", "/api/songs/upload");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const answer = (body ?? {}) as Partial<ImportAnswer>;
        resolve({ success: true, message: answer.message, jobs: answer.jobs ?? [], skipped: answer.skipped ?? [] });
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    // fetch's convention, so describe() says "The server cannot be reached".
    xhr.onerror = () => reject(new TypeError("Network error"));
    xhr.onabort = () => reject(new UploadCancelled());
    const form = new FormData();
    for (const { file, name } of files) form.append("files", file, name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
