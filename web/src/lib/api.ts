// HTTP calls to the Chorus API, with the server's error bodies turned into readable errors.

/** A refused request: the HTTP status, the server's message and its error code when it has one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
    this.name = "ApiError";
  }
}

/** The message of any of Chorus's error shapes: {detail}, {error, code}, {success: false, error}. */
export function errorMessage(body: unknown, status: number): { message: string; code: string | null } {
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    if (typeof record.detail === "string") return { message: record.detail, code: null };
    if (Array.isArray(record.detail)) {
      const first = record.detail[0] as { msg?: string; loc?: unknown[] } | undefined;
      const where = first?.loc ? ` (${first.loc.join(".")})` : "";
      return { message: `${first?.msg ?? "Invalid request"}${where}`, code: "validation_error" };
    }
    if (typeof record.error === "string") {
      return { message: record.error, code: typeof record.code === "string" ? record.code : null };
    }
  }
  return { message: `The server answered ${status}`, code: null };
}

/** Fetches JSON; a non-2xx answer becomes an ApiError, a network failure a TypeError. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    const { message, code } = errorMessage(body, response.status);
    throw new ApiError(response.status, message, code);
  }
  return body as T;
}

/** A JSON request body. */
export function json(body: unknown, method = "POST"): RequestInit {
  return { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

/** A message for any failure, to show to a person. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "The server cannot be reached";
  return error instanceof Error ? error.message : String(error);
}
