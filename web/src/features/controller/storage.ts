// Remembered settings of this phone. Storage can be missing or refuse writes (private modes,
// full quota): the page then still works, it just forgets.
import { cleanSinger } from "./entries";

const SINGER_KEY = "chorus-singer-name";

export function loadSingerName(storage: Storage | null = safeLocalStorage()): string {
  try {
    return cleanSinger(storage?.getItem(SINGER_KEY)) ?? "";
  } catch {
    return "";
  }
}

export function saveSingerName(name: string, storage: Storage | null = safeLocalStorage()): void {
  try {
    const cleaned = cleanSinger(name);
    if (cleaned) storage?.setItem(SINGER_KEY, cleaned);
    else storage?.removeItem(SINGER_KEY);
  } catch {
    /* not remembered; the name still applies to this visit */
  }
}

export function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
