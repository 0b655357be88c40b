// The QR code phones scan to open the room's controller, drawn as SVG (sharp at any TV size).
import qrcode from "qrcode-generator";
import { useMemo } from "react";
import { shortUrl } from "./format";

/** The dark modules as one SVG path, one unit per module. */
function qrPath(text: string): { size: number; path: string } {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  let path = "";
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (code.isDark(row, column)) path += `M${column} ${row}h1v1h-1z`;
    }
  }
  return { size, path };
}

export function JoinQr({ url, large = false, caption = true }: { url: string; large?: boolean; caption?: boolean }) {
  const { size, path } = useMemo(() => qrPath(url), [url]);
  const quiet = 2;
  return (
    <figure className={`join-qr${large ? " join-qr-large" : ""}`} data-testid="join-qr" data-url={url}>
      <svg
        viewBox={`${-quiet} ${-quiet} ${size + quiet * 2} ${size + quiet * 2}`}
        role="img"
        aria-label={`QR code to join: ${url}`}
        shapeRendering="crispEdges"
      >
        <rect x={-quiet} y={-quiet} width={size + quiet * 2} height={size + quiet * 2} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      {caption && <figcaption className="join-url"><BreakableUrl url={url} /></figcaption>}
    </figure>
  );
}

/** The URL without its scheme, allowed to wrap only after its slashes. */
export function BreakableUrl({ url }: { url: string }) {
  const parts = shortUrl(url).split(/(?<=\/)/);
  return <>{parts.map((part, index) => <span key={index}>{part}{index < parts.length - 1 && <wbr />}</span>)}</>;
}
