/** Visited concepts: a back/forward stack like a browser's. */
export interface History {
  entries: string[];
  index: number;
}

export const EMPTY_HISTORY: History = { entries: [], index: -1 };

const MAX_ENTRIES = 200;

/** Visiting drops any forward entries; visiting the current concept again changes nothing. */
export function visit(history: History, id: string): History {
  if (history.entries[history.index] === id) return history;
  const entries = [...history.entries.slice(0, history.index + 1), id].slice(-MAX_ENTRIES);
  return { entries, index: entries.length - 1 };
}

export function canGoBack(history: History): boolean {
  return history.index > 0;
}

export function canGoForward(history: History): boolean {
  return history.index < history.entries.length - 1;
}

export function step(history: History, delta: -1 | 1): History {
  const index = history.index + delta;
  if (index < 0 || index >= history.entries.length) return history;
  return { ...history, index };
}

export function current(history: History): string | null {
  return history.entries[history.index] ?? null;
}
