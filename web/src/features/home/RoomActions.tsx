// The two ways into a room: the display for the TV, the controller for phones.
import { Link } from "../../app/router";
import { controllerPath, displayPath } from "./roomLinks";
import { Icon } from "../controller/Icon";

export function RoomActions({ roomId, onOpen, compact = false }: {
  roomId: string;
  onOpen?: (roomId: string) => void;
  compact?: boolean;
}) {
  return (
    <div className={`home-actions${compact ? " home-actions-compact" : ""}`}>
      <Link
        to={displayPath(roomId)}
        className="button home-open"
        onClick={() => onOpen?.(roomId)}
        aria-label={`Open the display of ${roomId}, for the TV`}
      >
        <Icon name="tv" className="home-open-icon" />
        <span className="home-open-text">
          <span>Open the display</span>
          {!compact && <small>for the TV</small>}
        </span>
      </Link>
      <Link
        to={controllerPath(roomId)}
        className="button primary home-open"
        onClick={() => onOpen?.(roomId)}
        aria-label={`Open the controller of ${roomId}, for phones`}
      >
        <Icon name="mic" className="home-open-icon" />
        <span className="home-open-text">
          <span>Open the controller</span>
          {!compact && <small>for phones</small>}
        </span>
      </Link>
    </div>
  );
}
