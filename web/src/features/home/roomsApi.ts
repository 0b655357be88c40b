// The /rooms HTTP routes (docs/protocol.md §8) as the home page uses them.
import { api, ApiError, json } from "../../lib/api";

export interface RoomInfo {
  id: string;
  is_public: boolean;
  requires_password: boolean;
  created_at?: number;
}

export interface RoomSummary extends RoomInfo {
  name: string;
  client_count: number;
  controllers_count: number;
  displays_count: number;
  queue_length: number;
  current_song: string | null;
}

/** The room, or null when there is none by that name. */
export async function findRoom(roomId: string, signal?: AbortSignal): Promise<RoomInfo | null> {
  try {
    return await api<RoomInfo>(`/rooms/${encodeURIComponent(roomId)}`, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function createRoom(roomId: string, isPublic: boolean, password: string): Promise<RoomInfo> {
  const answer = await api<{ success: boolean; room: RoomInfo }>(
    "/rooms/create",
    json({ room_id: roomId, is_public: isPublic && password === "", password }),
  );
  return answer.room;
}

export type VerifyOutcome =
  | { kind: "ok"; room: RoomInfo }
  | { kind: "password"; message: string }
  | { kind: "missing" };

/**
 * Checks that a room can be joined (with `password` when given). A successful check of a
 * password room also sets the proof cookie the socket's join is admitted by.
 */
export async function verifyRoom(roomId: string, password?: string): Promise<VerifyOutcome> {
  try {
    const body: Record<string, string> = { room_id: roomId };
    if (password) body.password = password;
    const answer = await api<{ success: boolean; room: RoomInfo }>("/rooms/verify", json(body));
    return { kind: "ok", room: answer.room };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { kind: "password", message: error.message };
    if (error instanceof ApiError && error.status === 404) return { kind: "missing" };
    throw error;
  }
}

export async function listPublicRooms(signal?: AbortSignal): Promise<RoomSummary[]> {
  const answer = await api<{ rooms?: RoomSummary[] }>("/rooms", { signal });
  return Array.isArray(answer.rooms) ? answer.rooms.filter((room) => typeof room?.id === "string") : [];
}
