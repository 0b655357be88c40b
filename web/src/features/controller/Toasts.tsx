import type { Toast } from "./useToasts";
import { Icon } from "./Icon";

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="ctl-toasts" aria-live="polite" aria-relevant="additions">
      {toasts.map((toast) => (
        <div key={toast.id} className={`ctl-toast ctl-toast-${toast.kind}`} role={toast.kind === "error" ? "alert" : undefined}>
          <span>{toast.message}</span>
          <button type="button" className="ghost ctl-toast-close" onClick={() => onDismiss(toast.id)} aria-label="Dismiss message">
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
