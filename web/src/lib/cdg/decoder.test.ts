import { describe, expect, it } from "vitest";
import { CDG_HEIGHT, CDG_WIDTH, CdgDecoder, Instruction, PACKET_SIZE } from "./decoder";

function packet(instruction: number, data: number[] = []): Uint8Array {
  const bytes = new Uint8Array(PACKET_SIZE);
  bytes[0] = 0x09;
  bytes[1] = instruction;
  bytes.set(data.slice(0, 16), 4);
  return bytes;
}

/** A colour table packet: [r, g, b] 4-bit each, packed as the disc packs them. */
function colours(instruction: number, table: [number, number, number][]): Uint8Array {
  const data: number[] = [];
  for (const [r, g, b] of table) {
    data.push(((r & 0x0f) << 2) | ((g & 0x0c) >> 2), ((g & 0x03) << 4) | (b & 0x0f));
  }
  return packet(instruction, data);
}

function stream(...packets: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(packets.length * PACKET_SIZE);
  packets.forEach((p, i) => bytes.set(p, i * PACKET_SIZE));
  return bytes;
}

const pixel = (decoder: CdgDecoder, x: number, y: number) => decoder.pixels[y * CDG_WIDTH + x];

describe("CdgDecoder", () => {
  it("loads the low and high colour tables", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(colours(Instruction.LoadColorsLow, [[15, 0, 0], [0, 15, 0], [0, 0, 15], [1, 2, 3], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]));
    decoder.execute(colours(Instruction.LoadColorsHigh, [[0, 0, 0], [15, 15, 15], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [10, 5, 7]]));
    expect(decoder.palette[0]).toEqual([255, 0, 0]);
    expect(decoder.palette[1]).toEqual([0, 255, 0]);
    expect(decoder.palette[2]).toEqual([0, 0, 255]);
    expect(decoder.palette[3]).toEqual([17, 34, 51]);
    expect(decoder.palette[9]).toEqual([255, 255, 255]);
    expect(decoder.palette[15]).toEqual([170, 85, 119]);
  });

  it("presets the memory and the border", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(packet(Instruction.MemoryPreset, [4]));
    decoder.execute(packet(Instruction.BorderPreset, [7]));
    expect(pixel(decoder, 0, 0)).toBe(7);
    expect(pixel(decoder, 5, 100)).toBe(7);
    expect(pixel(decoder, 294, 100)).toBe(7);
    expect(pixel(decoder, 150, 11)).toBe(7);
    expect(pixel(decoder, 150, 204)).toBe(7);
    expect(pixel(decoder, 6, 12)).toBe(4);
    expect(pixel(decoder, 293, 203)).toBe(4);
  });

  it("draws a tile block, leftmost pixel from the highest bit", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    // Row 1, column 2: x 12–17, y 12–23; first line 100000, second 000001, the rest 010101.
    decoder.execute(packet(Instruction.TileBlock, [3, 9, 1, 2, 0b100000, 0b000001, ...Array(10).fill(0b010101)]));
    expect(pixel(decoder, 12, 12)).toBe(9);
    expect(pixel(decoder, 13, 12)).toBe(3);
    expect(pixel(decoder, 17, 13)).toBe(9);
    expect(pixel(decoder, 12, 13)).toBe(3);
    expect(pixel(decoder, 13, 23)).toBe(9);
    expect(pixel(decoder, 12, 23)).toBe(3);
    expect(pixel(decoder, 18, 12)).toBe(0);
  });

  it("XORs a tile block onto what is there", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(packet(Instruction.MemoryPreset, [0b0101]));
    decoder.execute(packet(Instruction.TileBlockXor, [0b0011, 0b1111, 0, 0, ...Array(12).fill(0b110000)]));
    expect(pixel(decoder, 0, 0)).toBe(0b1010);
    expect(pixel(decoder, 1, 5)).toBe(0b1010);
    expect(pixel(decoder, 2, 0)).toBe(0b0110);
  });

  it("scrolls with a preset colour filling what comes in", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(packet(Instruction.TileBlock, [0, 5, 0, 0, ...Array(12).fill(0b111111)]));
    // Horizontal command 1 (right by 6), vertical command 2 (up by 12), fill colour 8.
    decoder.execute(packet(Instruction.ScrollPreset, [8, 0x10, 0x20]));
    // The tile at (0–5, 0–11) moved to (6–11, wrapped to the bottom rows).
    expect(pixel(decoder, 6, CDG_HEIGHT - 12)).toBe(8); // the bottom 12 rows were filled
    expect(pixel(decoder, 0, 50)).toBe(8); // the left 6 columns were filled
    expect(pixel(decoder, 6, 0)).toBe(0);
    expect(decoder.horizontalOffset).toBe(0);
  });

  it("scroll copy wraps the picture around", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(packet(Instruction.TileBlock, [0, 5, 0, 0, ...Array(12).fill(0b111111)]));
    decoder.execute(packet(Instruction.ScrollCopy, [8, 0x20, 0x10 | 3]));
    // Left by 6 wraps column 0 to 294; down by 12 moves rows 0–11 to 12–23.
    expect(pixel(decoder, 294, 12)).toBe(5);
    expect(pixel(decoder, 299, 23)).toBe(5);
    expect(pixel(decoder, 0, 0)).toBe(0);
    expect(decoder.verticalOffset).toBe(3);
  });

  it("renders through the palette, with the transparent colour see-through", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    decoder.execute(colours(Instruction.LoadColorsLow, [[0, 0, 0], [15, 8, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]));
    decoder.execute(packet(Instruction.MemoryPreset, [1]));
    decoder.execute(packet(Instruction.BorderPreset, [0]));
    decoder.execute(packet(Instruction.DefineTransparent, [0]));
    const rgba = new Uint8ClampedArray(CDG_WIDTH * CDG_HEIGHT * 4);
    decoder.render(rgba);
    const at = (100 * CDG_WIDTH + 100) * 4;
    expect([...rgba.subarray(at, at + 4)]).toEqual([255, 136, 0, 255]);
    expect(rgba[3]).toBe(0);
    expect(decoder.dirty).toBe(false);
  });

  it("decodes up to the time asked for and replays from the start when going back", () => {
    const data = stream(
      packet(Instruction.MemoryPreset, [1]),
      packet(Instruction.MemoryPreset, [2]),
      packet(Instruction.MemoryPreset, [3]),
    );
    const decoder = new CdgDecoder(data);
    decoder.seek(2 / 300);
    expect(pixel(decoder, 0, 0)).toBe(2);
    decoder.seek(10);
    expect(pixel(decoder, 0, 0)).toBe(3);
    decoder.seek(1 / 300);
    expect(pixel(decoder, 0, 0)).toBe(1);
  });

  it("ignores packets that are not CD+G and tiles outside the screen", () => {
    const decoder = new CdgDecoder(new Uint8Array());
    const other = packet(Instruction.MemoryPreset, [5]);
    other[0] = 0x08;
    decoder.execute(other);
    decoder.execute(packet(Instruction.TileBlock, [0, 5, 20, 0, ...Array(12).fill(0b111111)]));
    expect(decoder.pixels.every((value) => value === 0)).toBe(true);
  });
});
