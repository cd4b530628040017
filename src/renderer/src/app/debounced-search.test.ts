import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedSearch, type SearchAnswer } from './debounced-search';

/** A search whose answers arrive when the test says so. */
function controlledSearch() {
  const pending = new Map<string, (value: string[]) => void>();
  const run = vi.fn(
    (query: string) => new Promise<string[]>((resolve) => pending.set(query, resolve)),
  );
  return { run, answer: (query: string, value: string[]) => pending.get(query)!(value) };
}

describe('search as you type', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then searches once', () => {
    const search = controlledSearch();
    const answers: SearchAnswer<string[]>[] = [];
    const debounced = new DebouncedSearch(search.run, (a) => answers.push(a), 120);
    debounced.schedule('e');
    vi.advanceTimersByTime(60);
    debounced.schedule('et');
    vi.advanceTimersByTime(60);
    debounced.schedule('etc');
    vi.advanceTimersByTime(119);
    expect(search.run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(search.run).toHaveBeenCalledTimes(1);
    expect(search.run).toHaveBeenCalledWith('etc');
  });

  it('drops an answer that arrives after a newer query was asked', async () => {
    const search = controlledSearch();
    const answers: SearchAnswer<string[]>[] = [];
    const debounced = new DebouncedSearch(search.run, (a) => answers.push(a), 120);
    const first = debounced.now('et');
    const second = debounced.now('etcd');
    search.answer('etcd', ['etcd']);
    await second;
    search.answer('et', ['etcd', 'Ethernet']);
    await first;
    expect(answers).toEqual([{ query: 'etcd', value: ['etcd'], error: null }]);
  });

  it('after cancel, nothing on its way is answered', async () => {
    const search = controlledSearch();
    const answers: SearchAnswer<string[]>[] = [];
    const debounced = new DebouncedSearch(search.run, (a) => answers.push(a), 120);
    const asked = debounced.now('pod');
    debounced.schedule('node');
    debounced.cancel();
    search.answer('pod', ['Pod']);
    await asked;
    vi.advanceTimersByTime(500);
    expect(answers).toEqual([]);
    expect(search.run).toHaveBeenCalledTimes(1);
  });

  it('passes a failure on as the answer to that query', async () => {
    const debounced = new DebouncedSearch(
      () => Promise.reject(new Error('Cairn is not reachable.')),
      (a) => answers.push(a),
    );
    const answers: SearchAnswer<string[]>[] = [];
    await debounced.now('x');
    expect(answers).toHaveLength(1);
    expect((answers[0]!.error as Error).message).toBe('Cairn is not reachable.');
  });
});
