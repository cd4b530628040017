import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../../shared/domain';
import { useServices } from './context';
import { DebouncedSearch } from './debounced-search';

/**
 * Concepts matching what is typed, found as it is typed (DebouncedSearch: one search
 * per pause, never an older answer over a newer one). For the palette and the pickers;
 * the search box keeps its results in the store (SearchFlow) on the same mechanism.
 */
export function useConceptSearch(query: string, limit = 8): SearchHit[] {
  const { session } = useServices();
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] }>({
    query: '',
    hits: [],
  });
  const search = useMemo(
    () =>
      new DebouncedSearch(
        (q) => session.editing.findConcepts(q, limit),
        (a) => setAnswer({ query: a.query, hits: a.value ?? [] }),
      ),
    [session, limit],
  );
  const wanted = query.trim();
  useEffect(() => {
    if (wanted === '') search.cancel();
    else search.schedule(wanted);
  }, [search, wanted]);
  useEffect(() => () => search.cancel(), [search]);
  return wanted === '' ? [] : answer.hits;
}
