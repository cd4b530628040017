/**
 * The concepts visited, as a back/forward stack like a browser's (Alt+Left, Alt+Right).
 * Not the undo history, which lives in the database (HistoryState).
 */
export interface Visited {
  entries: string[];
  index: number;
}

export const NOTHING_VISITED: Visited = { entries: [], index: -1 };

const MAX_ENTRIES = 200;

/** Visiting drops any forward entries; visiting the current concept again changes nothing. */
export function visit(visited: Visited, id: string): Visited {
  if (visited.entries[visited.index] === id) return visited;
  const entries = [...visited.entries.slice(0, visited.index + 1), id].slice(-MAX_ENTRIES);
  return { entries, index: entries.length - 1 };
}

export function canGoBack(visited: Visited): boolean {
  return visited.index > 0;
}

export function canGoForward(visited: Visited): boolean {
  return visited.index < visited.entries.length - 1;
}

export function step(visited: Visited, delta: -1 | 1): Visited {
  const index = visited.index + delta;
  if (index < 0 || index >= visited.entries.length) return visited;
  return { ...visited, index };
}

export function current(visited: Visited): string | null {
  return visited.entries[visited.index] ?? null;
}
