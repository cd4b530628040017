import { describe, expect, it } from 'vitest';
import { canGoBack, canGoForward, current, NOTHING_VISITED, step, visit } from './visited';

describe('concepts visited, for Back and Forward', () => {
  it('goes back and forward like a browser, and a new visit drops what was ahead', () => {
    let visited = visit(visit(visit(NOTHING_VISITED, 'pod'), 'node'), 'etcd');
    expect(current(visited)).toBe('etcd');
    visited = step(step(visited, -1), -1);
    expect(current(visited)).toBe('pod');
    expect([canGoBack(visited), canGoForward(visited)]).toEqual([false, true]);
    visited = visit(visited, 'api-server');
    expect(visited.entries).toEqual(['pod', 'api-server']);
    expect(canGoForward(visited)).toBe(false);
  });

  it('does not record the concept that is already current, and stops at either end', () => {
    const visited = visit(NOTHING_VISITED, 'pod');
    expect(visit(visited, 'pod')).toBe(visited);
    expect(step(visited, 1)).toBe(visited);
    expect(step(visited, -1)).toBe(visited);
  });

  it('keeps the last 200 visits', () => {
    let visited = NOTHING_VISITED;
    for (let i = 0; i < 250; i++) visited = visit(visited, `c${i}`);
    expect(visited.entries).toHaveLength(200);
    expect(visited.entries[0]).toBe('c50');
  });
});
