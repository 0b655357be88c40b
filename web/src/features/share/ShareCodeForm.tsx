// The six-digit code a broadcaster reads out; listening to it is a page of its own (/share/{code}).
import { useId, useState, type FormEvent } from "react";
import { navigate } from "../../app/router";
import { SHARE_CODE } from "./shareSession";

export function ShareCodeForm({ autoFocus = false, label = "Share code" }: { autoFocus?: boolean; label?: string }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const digits = code.replace(/[\s-]+/g, "");
    if (!SHARE_CODE.test(digits)) {
      setError(digits === "" ? "Type the share code first." : "A share code is six digits, like 123456.");
      return;
    }
    setError(null);
    // The same code again (a share that ended and started afresh): the page listens anew.
    if (window.location.pathname === `/share/${digits}`) window.location.reload();
    else navigate(`/share/${digits}`);
  };

  return (
    <form className="share-code-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-code`}>{label}</label>
      <div className="share-code-row">
        <input
          id={`${id}-code`}
          data-testid="share-code"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="go"
          placeholder="123456"
          maxLength={9}
          value={code}
          autoFocus={autoFocus}
          aria-invalid={error !== null}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
          onChange={(event) => {
            setCode(event.target.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" className="primary">Listen</button>
      </div>
      <p id={`${id}-help`} className="muted share-hint">The six digits shown by the person who is sharing.</p>
      {error && <p id={`${id}-error`} className="error-text" role="alert">{error}</p>}
    </form>
  );
}
