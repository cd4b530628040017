import { describe, expect, it } from 'vitest';
import { forceLayout, iterationsFor, type ForceInput } from './force-layout';

/** Two rings of `size` concepts each, not linked to each other, placed all mixed up. */
function twoRings(size: number, ids: (i: number) => string = (i) => `c${i}`): ForceInput {
  const n = 2 * size;
  const sources: number[] = [];
  const targets: number[] = [];
  for (let ring = 0; ring < 2; ring++) {
    for (let i = 0; i < size; i++) {
      sources.push(ring * size + i);
      targets.push(ring * size + ((i + 1) % size));
      sources.push(ring * size + i);
      targets.push(ring * size + ((i + 3) % size));
    }
  }
  return {
    ids: Array.from({ length: n }, (_, i) => ids(i)),
    // Interleaved: concepts of the two rings alternate along a diagonal.
    x: Float64Array.from({ length: n }, (_, i) => (i % size) * 40 + (i >= size ? 20 : 0)),
    y: Float64Array.from({ length: n }, (_, i) => ((i * 7) % size) * 40),
    fixed: new Uint8Array(n),
    placed: new Uint8Array(n).fill(1),
    sources: Uint32Array.from(sources),
    targets: Uint32Array.from(targets),
  };
}

const meanDistance = (p: { x: number; y: number }[], pairs: [number, number][]) =>
  pairs.reduce((sum, [a, b]) => sum + Math.hypot(p[a]!.x - p[b]!.x, p[a]!.y - p[b]!.y), 0) /
  pairs.length;

const extentOf = (points: { x: number; y: number }[]) => {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
};

describe('ForceAtlas2 over the whole graph', () => {
  it('pulls linked concepts together and pushes the two rings apart, keeping the extent', () => {
    const input = twoRings(30);
    const before = Array.from(input.ids, (_, i) => ({ x: input.x[i]!, y: input.y[i]! }));
    const seen: number[] = [];
    const after = forceLayout(input, 100, (done) => seen.push(done));
    expect(after.map((p) => p.id)).toEqual(input.ids);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 5));
    const within: [number, number][] = [];
    const across: [number, number][] = [];
    for (let i = 0; i < 30; i++) {
      within.push([i, (i + 1) % 30]);
      across.push([i, 30 + i]);
    }
    // Linked concepts end up closer than concepts of the other ring, which they were not.
    expect(meanDistance(before, within)).toBeGreaterThan(meanDistance(before, across) * 0.5);
    expect(meanDistance(after, within) * 3).toBeLessThan(meanDistance(after, across));
    expect(extentOf(after)).toBeCloseTo(extentOf(before), 6);
  });

  it('leaves fixed concepts where they are, and lays the rest out around them', () => {
    const input = twoRings(10);
    input.fixed[0] = 1;
    input.fixed[15] = 1;
    const free = forceLayout(twoRings(10), 50);
    const after = forceLayout(input, 50);
    expect(after[0]).toEqual({ id: 'c0', x: input.x[0], y: input.y[0] });
    expect(after[15]).toEqual({ id: 'c15', x: input.x[15], y: input.y[15] });
    // The others moved, and not as they would have without the two held in place.
    for (let i = 1; i < 20; i++) {
      if (i === 15) continue;
      expect(after[i]).not.toEqual({ id: `c${i}`, x: input.x[i], y: input.y[i] });
    }
    expect(after[1]).not.toEqual(free[1]);
  });

  it('takes any id: every name on Object.prototype', () => {
    const names = Object.getOwnPropertyNames(Object.prototype);
    const input = twoRings(
      names.length,
      (i) => names[i % names.length]! + (i >= names.length ? '-2' : ''),
    );
    const after = forceLayout(input, 20);
    expect(after.map((p) => p.id)).toEqual(input.ids);
    for (const p of after) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('gives big graphs fewer iterations, within bounds', () => {
    expect(iterationsFor(0)).toBe(200);
    expect(iterationsFor(10_000)).toBe(150);
    expect(iterationsFor(100_000)).toBe(30);
    expect(iterationsFor(1_000_000)).toBe(30);
    expect(
      forceLayout(
        {
          ...twoRings(1),
          ids: [],
          x: new Float64Array(),
          y: new Float64Array(),
          fixed: new Uint8Array(),
          placed: new Uint8Array(),
          sources: new Uint32Array(),
          targets: new Uint32Array(),
        },
        10,
      ),
    ).toEqual([]);
  });
});
