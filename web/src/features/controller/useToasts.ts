// Short messages at the bottom of the screen: confirmations fade quickly, errors stay longer and
// can be closed. Nothing a person asked for fails without one.
import { useCallback, useEffect, useRef, useState } from "react";

export interface Toast {
  id: number;
  kind: "info" | "error";
  message: string;
}

const LIFETIME_MS = { info: 3500, error: 8000 };
const MAX_SHOWN = 3;

export interface Notify {
  info(message: string): void;
  error(message: string): void;
}

export function useToasts(): { toasts: Toast[]; notify: Notify; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((kind: Toast["kind"], message: string) => {
    const id = nextId.current++;
    setToasts((current) => {
      // The same message again (a slider refused on every move) is shown once.
      const others = current.filter((toast) => toast.message !== message);
      return [...others, { id, kind, message }].slice(-MAX_SHOWN);
    });
    timers.current.set(id, setTimeout(() => dismiss(id), LIFETIME_MS[kind]));
  }, [dismiss]);

  const [notify] = useState<Notify>(() => ({
    info: (message) => show("info", message),
    error: (message) => show("error", message),
  }));

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  return { toasts, notify, dismiss };
}
