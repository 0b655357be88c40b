// The song list's query (kept in the page's URL so a reload or a shared link keeps it) and paging.
// Pure, so it is unit-tested.
import { formatClock } from "../../../lib/format";

export const SORTS = [
  { value: "date_added", label: "Date added" },
  { value: "title", label: "Title" },
  { value: "artist", label: "Artist" },
  { value: "album", label: "Album" },
  { value: "year", label: "Year" },
] as const;

export type SortBy = (typeof SORTS)[number]["value"];

export interface ListParams {
  q: string;
  sortBy: SortBy;
  direction: "asc" | "desc";
  page: number;
}

export const PAGE_SIZE = 25;

/** Dates read best newest first, names A to Z. */
export function defaultDirection(sortBy: SortBy): "asc" | "desc" {
  return sortBy === "date_added" || sortBy === "year" ? "desc" : "asc";
}

export function readListParams(search: URLSearchParams): ListParams {
  const sort = search.get("sort");
  const sortBy: SortBy = SORTS.some((option) => option.value === sort) ? (sort as SortBy) : "date_added";
  const dir = search.get("dir");
  const direction = dir === "asc" || dir === "desc" ? dir : defaultDirection(sortBy);
  const page = Math.max(1, Math.floor(Number(search.get("page")) || 1));
  return { q: search.get("q") ?? "", sortBy, direction, page };
}

/** The URL query for `params`, leaving defaults out so the plain /library stays plain. */
export function writeListParams(params: ListParams): string {
  const search = new URLSearchParams();
  if (params.q.trim()) search.set("q", params.q);
  if (params.sortBy !== "date_added") search.set("sort", params.sortBy);
  if (params.direction !== defaultDirection(params.sortBy)) search.set("dir", params.direction);
  if (params.page > 1) search.set("page", String(params.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface PageInfo {
  page: number;
  pages: number;
  from: number;
  to: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function pageInfo(total: number, page: number, pageSize = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const from = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const to = Math.min(total, current * pageSize);
  return { page: current, pages, from, to, hasPrevious: current > 1, hasNext: current < pages };
}


/** 48018 ms → "0:48"; nothing for an unknown length. */
export function formatDuration(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "" : formatClock(Math.round(ms / 1000), "");
}
