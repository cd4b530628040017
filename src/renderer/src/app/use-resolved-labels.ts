import { useEffect, useState } from 'react';
import type { ConceptSummary } from '../../../shared/domain';
import { foldLabel } from '../../../shared/labels';
import { useServices, useUi } from './context';

/** What a [[wikilink]]'s label names: the concept, null for none, absent while unknown. */
export type ResolvedLabels = ReadonlyMap<string, ConceptSummary | null>;

const NOTHING: ResolvedLabels = new Map();

/**
 * The concepts some labels name, by their folded label (foldLabel), asked of the API
 * (on a big graph most concepts are not drawn). Asked again after every change, since
 * a concept may have been created, renamed or deleted.
 */
export function useResolvedLabels(labels: readonly string[]): ResolvedLabels {
  const { session } = useServices();
  const changed = useUi((s) => s.changes.state);
  const [resolved, setResolved] = useState<{ key: string; labels: ResolvedLabels }>({
    key: '[]',
    labels: NOTHING,
  });
  const key = JSON.stringify([...new Set(labels.map(foldLabel))].sort());
  useEffect(() => {
    const wanted = JSON.parse(key) as string[];
    if (wanted.length === 0) return;
    let live = true;
    session.editing
      .resolveLabels(wanted)
      .then((answers) => {
        if (live) {
          setResolved({
            key,
            labels: new Map(answers.map((a) => [foldLabel(a.label), a.concept])),
          });
        }
      })
      .catch(() => {
        // Unresolved links show as missing until the next change asks again.
      });
    return () => {
      live = false;
    };
  }, [session, key, changed]);
  // An answer for other labels than these (the note changed since) says nothing yet.
  return resolved.key === key ? resolved.labels : NOTHING;
}
