import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce, throttle } from "./rateLimit";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe("debounce", () => {
  it("calls once with the last arguments after the quiet time", () => {
    const calls: string[] = [];
    const search = debounce((query: string) => calls.push(query), 300);
    search("c");
    vi.advanceTimersByTime(200);
    search("ch");
    vi.advanceTimersByTime(200);
    search("cho");
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["cho"]);
  });

  it("flush runs the pending call at once and only once", () => {
    const calls: string[] = [];
    const search = debounce((query: string) => calls.push(query), 300);
    search("abc");
    search.flush();
    vi.advanceTimersByTime(1000);
    search.flush();
    expect(calls).toEqual(["abc"]);
  });

  it("cancel drops the pending call", () => {
    const calls: string[] = [];
    const search = debounce((query: string) => calls.push(query), 300);
    search("abc");
    search.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
  });
});

describe("throttle", () => {
  it("sends the first value at once and then at most once per interval, ending with the last value", () => {
    const sent: Array<[number, number]> = [];
    const send = throttle((value: number) => sent.push([Date.now() - 1_000_000, value]), 100);
    for (let step = 0; step <= 25; step += 1) {
      send(step);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(500);
    expect(sent[0]).toEqual([0, 0]);
    expect(sent[sent.length - 1][1]).toBe(25);
    for (let index = 1; index < sent.length; index += 1) {
      expect(sent[index][0] - sent[index - 1][0]).toBeGreaterThanOrEqual(100);
    }
    expect(sent.length).toBe(4);
  });

  it("flush sends the pending value now, without a second trailing send", () => {
    const sent: number[] = [];
    const send = throttle((value: number) => sent.push(value), 100);
    send(1);
    send(2);
    send(3);
    send.flush();
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 3]);
  });

  it("sends at once again after a quiet interval", () => {
    const sent: number[] = [];
    const send = throttle((value: number) => sent.push(value), 100);
    send(1);
    vi.advanceTimersByTime(150);
    send(2);
    expect(sent).toEqual([1, 2]);
  });

  it("cancel drops the trailing value", () => {
    const sent: number[] = [];
    const send = throttle((value: number) => sent.push(value), 100);
    send(1);
    send(2);
    send.cancel();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1]);
  });
});
