// The room just created or joined, with its two doors and the link for guests.
import { useEffect, useRef } from "react";
import { RoomActions } from "./RoomActions";
import { controllerUrl } from "./roomLinks";
import { Icon } from "../controller/Icon";

export function ReadyRoom({ roomId, created, onOpen, onClose }: {
  roomId: string;
  created: boolean;
  onOpen: (roomId: string) => void;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [roomId]);
  const link = controllerUrl(roomId, window.location.origin);
  return (
    <section className="card stack home-ready" aria-labelledby="ready-heading">
      <div className="home-ready-head">
        <h2 id="ready-heading" ref={heading} tabIndex={-1}>
          {created ? "Room created: " : "Room "}<span className="home-ready-name">{roomId}</span>
        </h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close"><Icon name="close" /></button>
      </div>
      <p className="muted">
        Open the display on the TV and the controller on your phone. Guests join with the code
        <strong> {roomId}</strong>, the QR code on the TV, or this link: <a href={link}>{link}</a>
      </p>
      <RoomActions roomId={roomId} onOpen={onOpen} />
    </section>
  );
}
