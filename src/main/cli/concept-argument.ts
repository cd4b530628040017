import type { Database } from 'better-sqlite3';
import { foldLabel } from '../../shared/labels';
import { conceptByLabel } from '../services/editing/lookups';
import { SearchService } from '../services/search';
import { UsageError } from './output';

export interface ChosenConcept {
  id: string;
  label: string;
  /** How the text matched: exactly (an id or a label), or as the top search hit. */
  exact: boolean;
}

const CANDIDATES_SHOWN = 4;

const quoted = (labels: readonly string[]) => labels.map((l) => `“${l}”`);

/**
 * A concept named on the command line, matched as the search box matches it: an exact
 * id, then an exact label (compared over all of Unicode), then the top search hit. A
 * search is taken only when it is clear: the one hit whose label starts with the text,
 * or the only hit. Otherwise the user is asked to say which, naming the candidates.
 */
export function chooseConcept(db: Database, text: string, role: string): ChosenConcept {
  const wanted = text.trim();
  if (wanted.length === 0) throw new UsageError(`${role} is empty: give a label or an id`);
  const byId = db.prepare('SELECT id, label FROM concepts WHERE id = ?').get(wanted) as
    { id: string; label: string } | undefined;
  if (byId) return { ...byId, exact: true };
  const byLabel = conceptByLabel(db, wanted);
  if (byLabel) return { id: byLabel.id, label: byLabel.label, exact: true };

  const hits = new SearchService(db).search(wanted, 10);
  if (hits.length === 0) throw new UsageError(`no concept matches “${wanted}” (${role})`);
  const folded = foldLabel(wanted);
  const starting = hits.filter((h) => foldLabel(h.label).startsWith(folded));
  const clear = starting.length === 1 ? starting[0] : hits.length === 1 ? hits[0] : undefined;
  if (clear) return { id: clear.id, label: clear.label, exact: false };
  const candidates = (starting.length > 1 ? starting : hits).map((h) => h.label);
  const named = quoted(candidates.slice(0, CANDIDATES_SHOWN));
  const more = candidates.length > CANDIDATES_SHOWN ? ' or another' : '';
  throw new UsageError(
    `“${wanted}” (${role}) could be ${named.slice(0, -1).join(', ')}${more ? ', ' : ' or '}${named.at(-1)!}${more}: give the full label or the id`,
  );
}
