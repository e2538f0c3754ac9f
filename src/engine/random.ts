/**
 * Seeded random numbers with independent named streams, so that adding a draw to one stream (say, the
 * cost of a module) does not shift another (say, failure injection). The engine never uses Math.random.
 */

/** splitmix32: small, fast, and good enough for simulated costs. */
export interface RandomStream {
  /** A number in [0, 1). */
  next(): number;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandomStream(seed: number, name: string): RandomStream {
  let state = (Math.imul(seed | 0, 0x9e3779b1) ^ hashString(name)) >>> 0;
  return {
    next(): number {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      z ^= z >>> 16;
      return (z >>> 0) / 4294967296;
    },
  };
}

/** A duration around `mean` (uniform within ±spread of it), never negative. */
export function jitter(stream: RandomStream, mean: number, spread: number): number {
  if (spread <= 0) return mean;
  const value = mean * (1 + spread * (2 * stream.next() - 1));
  return value < 0 ? 0 : value;
}
