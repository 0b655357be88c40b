// A CD+G (CD graphics) decoder: 24-byte subcode packets, 300 a second, drawing a 300×216 screen of
// 16 palette colours (a 6 px border left and right, 12 px top and bottom, around 288×192 of tiles).
// Pure state machine: feed it packets up to a time, then render its indexed pixels to RGBA.

export const CDG_WIDTH = 300;
export const CDG_HEIGHT = 216;
export const PACKET_SIZE = 24;
export const PACKETS_PER_SECOND = 300;
const TILE_WIDTH = 6;
const TILE_HEIGHT = 12;
const BORDER_X = 6;
const BORDER_Y = 12;

const CDG_COMMAND = 0x09;
export const Instruction = {
  MemoryPreset: 1,
  BorderPreset: 2,
  TileBlock: 6,
  ScrollPreset: 20,
  ScrollCopy: 24,
  DefineTransparent: 28,
  LoadColorsLow: 30,
  LoadColorsHigh: 31,
  TileBlockXor: 38,
} as const;

export class CdgDecoder {
  /** Palette index per pixel, row by row. */
  readonly pixels = new Uint8Array(CDG_WIDTH * CDG_HEIGHT);
  /** 16 colours as [r, g, b], 0–255. */
  readonly palette: [number, number, number][] = Array.from({ length: 16 }, () => [0, 0, 0]);
  /** Palette index drawn see-through, or -1. */
  transparent = -1;
  /** The smooth-scroll window: how far the visible tile area is shifted into memory. */
  horizontalOffset = 0;
  verticalOffset = 0;
  /** Set by every change that shows, cleared by render(). */
  dirty = true;
  /** Packets decoded so far. */
  private decoded = 0;

  constructor(private readonly data: Uint8Array) {}

  get packetCount(): number {
    return Math.floor(this.data.length / PACKET_SIZE);
  }

  /** Decodes up to the packet that plays at `seconds`; going back replays from the start. */
  seek(seconds: number): void {
    const target = Math.min(this.packetCount, Math.max(0, Math.floor(seconds * PACKETS_PER_SECOND)));
    if (target < this.decoded) this.reset();
    for (; this.decoded < target; this.decoded++) {
      this.execute(this.data.subarray(this.decoded * PACKET_SIZE, (this.decoded + 1) * PACKET_SIZE));
    }
  }

  reset(): void {
    this.pixels.fill(0);
    for (const colour of this.palette) colour.fill(0);
    this.transparent = -1;
    this.horizontalOffset = 0;
    this.verticalOffset = 0;
    this.decoded = 0;
    this.dirty = true;
  }

  /** Applies one packet (exported for tests: hand-built packets go through here). */
  execute(packet: Uint8Array): void {
    if (packet.length < PACKET_SIZE || (packet[0] & 0x3f) !== CDG_COMMAND) return;
    const data = packet.subarray(4, 20);
    switch (packet[1] & 0x3f) {
      case Instruction.MemoryPreset:
        // Discs repeat the preset up to 16 times for error resilience; doing it again is harmless.
        this.pixels.fill(data[0] & 0x0f);
        break;
      case Instruction.BorderPreset:
        this.fillBorder(data[0] & 0x0f);
        break;
      case Instruction.TileBlock:
        this.tile(data, false);
        break;
      case Instruction.TileBlockXor:
        this.tile(data, true);
        break;
      case Instruction.ScrollPreset:
        this.scroll(data, false);
        break;
      case Instruction.ScrollCopy:
        this.scroll(data, true);
        break;
      case Instruction.DefineTransparent:
        this.transparent = data[0] & 0x0f;
        break;
      case Instruction.LoadColorsLow:
        this.loadColours(data, 0);
        break;
      case Instruction.LoadColorsHigh:
        this.loadColours(data, 8);
        break;
      default:
        return;
    }
    this.dirty = true;
  }

  /** Writes the visible screen (border fixed, tile area through the scroll window) as RGBA. */
  render(rgba: Uint8ClampedArray): void {
    for (let y = 0; y < CDG_HEIGHT; y++) {
      const inside = y >= BORDER_Y && y < CDG_HEIGHT - BORDER_Y;
      for (let x = 0; x < CDG_WIDTH; x++) {
        const shifted = inside && x >= BORDER_X && x < CDG_WIDTH - BORDER_X;
        const sourceX = shifted ? (x + this.horizontalOffset) % CDG_WIDTH : x;
        const sourceY = shifted ? (y + this.verticalOffset) % CDG_HEIGHT : y;
        const index = this.pixels[sourceY * CDG_WIDTH + sourceX];
        const colour = this.palette[index];
        const at = (y * CDG_WIDTH + x) * 4;
        rgba[at] = colour[0];
        rgba[at + 1] = colour[1];
        rgba[at + 2] = colour[2];
        rgba[at + 3] = index === this.transparent ? 0 : 255;
      }
    }
    this.dirty = false;
  }

  private fillBorder(colour: number): void {
    for (let y = 0; y < CDG_HEIGHT; y++) {
      const row = y * CDG_WIDTH;
      if (y < BORDER_Y || y >= CDG_HEIGHT - BORDER_Y) {
        this.pixels.fill(colour, row, row + CDG_WIDTH);
      } else {
        this.pixels.fill(colour, row, row + BORDER_X);
        this.pixels.fill(colour, row + CDG_WIDTH - BORDER_X, row + CDG_WIDTH);
      }
    }
  }

  private tile(data: Uint8Array, xor: boolean): void {
    const colour0 = data[0] & 0x0f;
    const colour1 = data[1] & 0x0f;
    const row = data[2] & 0x1f;
    const column = data[3] & 0x3f;
    const top = row * TILE_HEIGHT;
    const left = column * TILE_WIDTH;
    // Rows 0–17 and columns 0–49 cover the screen; anything else is a damaged packet.
    if (top + TILE_HEIGHT > CDG_HEIGHT || left + TILE_WIDTH > CDG_WIDTH) return;
    for (let y = 0; y < TILE_HEIGHT; y++) {
      const bits = data[4 + y] & 0x3f;
      const rowStart = (top + y) * CDG_WIDTH + left;
      for (let x = 0; x < TILE_WIDTH; x++) {
        const colour = (bits >> (5 - x)) & 1 ? colour1 : colour0;
        const at = rowStart + x;
        this.pixels[at] = xor ? (this.pixels[at] ^ colour) & 0x0f : colour;
      }
    }
  }

  private scroll(data: Uint8Array, copy: boolean): void {
    const colour = data[0] & 0x0f;
    const horizontal = data[1] & 0x3f;
    const vertical = data[2] & 0x3f;
    this.horizontalOffset = Math.min(horizontal & 0x07, TILE_WIDTH - 1);
    this.verticalOffset = Math.min(vertical & 0x0f, TILE_HEIGHT - 1);
    const dx = scrollStep((horizontal & 0x30) >> 4, TILE_WIDTH);
    const dy = scrollStep((vertical & 0x30) >> 4, TILE_HEIGHT);
    if (dx === 0 && dy === 0) return;
    const moved = new Uint8Array(this.pixels.length);
    for (let y = 0; y < CDG_HEIGHT; y++) {
      const toY = (y + dy + CDG_HEIGHT) % CDG_HEIGHT;
      for (let x = 0; x < CDG_WIDTH; x++) {
        moved[toY * CDG_WIDTH + ((x + dx + CDG_WIDTH) % CDG_WIDTH)] = this.pixels[y * CDG_WIDTH + x];
      }
    }
    if (!copy) {
      // Preset: what scrolled in is the given colour instead of what scrolled out.
      const rows = dy > 0 ? [0, dy] : dy < 0 ? [CDG_HEIGHT + dy, CDG_HEIGHT] : null;
      if (rows) moved.fill(colour, rows[0] * CDG_WIDTH, rows[1] * CDG_WIDTH);
      const columns = dx > 0 ? [0, dx] : dx < 0 ? [CDG_WIDTH + dx, CDG_WIDTH] : null;
      if (columns) {
        for (let y = 0; y < CDG_HEIGHT; y++) moved.fill(colour, y * CDG_WIDTH + columns[0], y * CDG_WIDTH + columns[1]);
      }
    }
    this.pixels.set(moved);
  }

  private loadColours(data: Uint8Array, first: number): void {
    for (let i = 0; i < 8; i++) {
      const high = data[2 * i] & 0x3f;
      const low = data[2 * i + 1] & 0x3f;
      const red = (high & 0x3c) >> 2;
      const green = ((high & 0x03) << 2) | ((low & 0x30) >> 4);
      const blue = low & 0x0f;
      // 4 bits per channel: ×17 maps 0–15 onto 0–255 exactly.
      this.palette[first + i] = [red * 17, green * 17, blue * 17];
    }
  }
}

/** Scroll command 1 moves the picture right or down by one tile, 2 left or up, else not at all. */
function scrollStep(command: number, size: number): number {
  return command === 1 ? size : command === 2 ? -size : 0;
}
