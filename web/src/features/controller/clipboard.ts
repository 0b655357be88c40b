// Copying a link, also where the Clipboard API is missing: a party server is usually reached over
// plain http on the local network, which browsers do not count as a secure context.

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the old way */
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** Whether the system share sheet can share this link. */
export function canShare(data: ShareData): boolean {
  try {
    return typeof navigator.share === "function" && (typeof navigator.canShare !== "function" || navigator.canShare(data));
  } catch {
    return false;
  }
}
