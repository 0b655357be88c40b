// HTTP calls to the Chorus API, with the server's error bodies turned into readable errors.

/**
 * A refused request: the HTTP status, the server's message, its error code and its `details`
 * object (the field a VALIDATION_ERROR names, the problems of INVALID_LYRICS) when it has them.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The field the server named (`details.field`), if any. */
  get field(): string | null {
    return typeof this.details.field === "string" ? this.details.field : null;
  }

  /** The per-line problems of INVALID_LYRICS. */
  get problems(): string[] {
    const problems = this.details.problems;
    return Array.isArray(problems) ? problems.filter((item): item is string => typeof item === "string") : [];
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

/** A non-2xx answer's body as an ApiError (also for XMLHttpRequest uploads). */
export function toApiError(status: number, body: unknown): ApiError {
  const { message, code } = errorMessage(body, status);
  const details = body && typeof body === "object" && typeof (body as { details?: unknown }).details === "object"
    ? ((body as { details: Record<string, unknown> | null }).details ?? {})
    : {};
  return new ApiError(status, message, code, details);
}

/** A response text as JSON when it is JSON, else as the text itself (null when empty). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Fetches JSON with the response headers; a non-2xx answer becomes an ApiError, a network failure a TypeError. */
export async function apiResponse<T>(path: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  const body = parseBody(await response.text());
  if (!response.ok) throw toApiError(response.status, body);
  return { body: body as T, headers: response.headers };
}

/** Fetches JSON; a non-2xx answer becomes an ApiError, a network failure a TypeError. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await apiResponse<T>(path, init)).body;
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
