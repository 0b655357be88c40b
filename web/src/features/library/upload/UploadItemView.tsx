// One upload request: its files, the bytes sent, and what the server answered.
import { ProgressBar } from "../ProgressBar";
import { answerSummary, formatBytes, type UploadItem } from "./uploadPlan";

const STATUS_TEXT: Record<UploadItem["status"], string> = {
  queued: "Waiting to upload",
  uploading: "Uploading",
  done: "Uploaded",
  failed: "Upload failed",
  cancelled: "Upload cancelled",
};

export function UploadItemView({ item, onCancel }: { item: UploadItem; onCancel: (id: string) => void }) {
  const title = item.names.join(" + ");
  const sending = item.status === "uploading" && item.progress >= 100;
  const tone = item.status === "failed" ? "danger" : item.status === "done" ? "ok" : item.status === "cancelled" ? "muted" : undefined;
  return (
    <li className="card upload-item" data-testid="upload-item" data-status={item.status}>
      <div className="job-head">
        <strong className="job-title">{title}</strong>
        <span className="muted">{formatBytes(item.bytes)}</span>
      </div>
      <ProgressBar value={item.progress} label={`Upload of ${title}`} tone={tone} />
      <p className="muted job-message">
        {sending ? "Sent; waiting for the server…" : `${STATUS_TEXT[item.status]}${item.status === "uploading" ? ` · ${item.progress} %` : ""}`}
      </p>
      {item.answer && <p className="upload-answer">{answerSummary(item.answer)}</p>}
      {item.answer && item.answer.skipped.length > 0 && (
        <ul className="job-notes">
          {item.answer.skipped.map((skipped) => (
            <li key={skipped.name}><strong>{skipped.name}</strong>: {skipped.reason}</li>
          ))}
        </ul>
      )}
      {item.error && (
        <p className="error-text" role="alert">
          {item.errorCode === "FILE_TOO_LARGE" ? "Too large: " : ""}{item.error}
        </p>
      )}
      {(item.status === "queued" || item.status === "uploading") && (
        <div className="row job-actions">
          <button type="button" className="danger" onClick={() => onCancel(item.id)} aria-label={`Cancel the upload of ${title}`}>
            Cancel upload
          </button>
        </div>
      )}
    </li>
  );
}
