// The name shown with this phone's songs; asked for until given, then remembered on this phone.
import { useId } from "react";
import { SINGER_MAX_CHARS } from "./entries";

export function SingerField({ name, onChange, highlight }: {
  name: string;
  onChange: (name: string) => void;
  highlight: boolean;
}) {
  const id = useId();
  return (
    <div className={`ctl-singer${highlight ? " ctl-singer-ask" : ""}`}>
      <label htmlFor={id}>{highlight ? "Who’s singing? Your name:" : "Singing as"}</label>
      <input
        id={id}
        data-testid="singer-name"
        value={name}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Your name"
        maxLength={SINGER_MAX_CHARS}
        autoComplete="nickname"
        autoCapitalize="words"
        enterKeyHint="done"
      />
    </div>
  );
}
