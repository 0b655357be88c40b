// Inviting others: the room's controller link as a QR code to show, through the phone's share
// sheet when it has one, or copied.
import { useEffect, useMemo, useRef } from "react";
import qrcode from "qrcode-generator";
import { canShare, copyText } from "./clipboard";
import type { Notify } from "./useToasts";
import { Icon } from "./Icon";

export function InviteSheet({ roomId, url, notify, onClose }: {
  roomId: string;
  url: string;
  notify: Notify;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const svg = useMemo(() => {
    const code = qrcode(0, "M");
    code.addData(url);
    code.make();
    return code.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
  }, [url]);
  const shareData = { title: `Chorus room ${roomId}`, text: `Join the karaoke room ${roomId}`, url };
  const shareable = canShare(shareData);

  const share = async () => {
    try {
      await navigator.share(shareData);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      await copy();
    }
  };
  const copy = async () => {
    if (await copyText(url)) {
      notify.info("Link copied");
    } else {
      linkField.current?.select();
      notify.error("Could not copy: press and hold the link to copy it");
    }
  };

  return (
    <section className="ctl-invite card" aria-labelledby="ctl-invite-heading" onKeyDown={(event) => event.key === "Escape" && onClose()}>
      <div className="ctl-section-head">
        <h2 id="ctl-invite-heading" ref={heading} tabIndex={-1}>Invite to {roomId}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close the invitation"><Icon name="close" /></button>
      </div>
      <p className="muted">Let friends scan this, or send them the link.</p>
      <div className="ctl-qr" role="img" aria-label={`QR code of ${url}`} dangerouslySetInnerHTML={{ __html: svg }} />
      <label htmlFor="ctl-invite-link" className="visually-hidden">Room link</label>
      <input id="ctl-invite-link" ref={linkField} readOnly value={url} onFocus={(event) => event.target.select()} />
      <div className="ctl-invite-actions">
        {shareable && <button type="button" className="primary" onClick={share}>Share…</button>}
        <button type="button" className={shareable ? "" : "primary"} onClick={copy}>Copy link</button>
      </div>
    </section>
  );
}
