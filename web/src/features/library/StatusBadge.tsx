// A job's or a song's status as a coloured word (the colour only repeats what the word says).
const LABELS: Record<string, string> = {
  pending: "Waiting",
  downloading: "Downloading",
  processing: "Processing",
  finalizing: "Finishing",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
  processed: "Ready",
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status}`}>{statusLabel(status)}</span>;
}
