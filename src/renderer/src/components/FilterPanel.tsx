import { filterIsOn, type Facet } from '../../../shared/filters';
import type { FacetEntry } from '../../../shared/graph-view';
import { useServices, useUi } from '../app/context';
import { FilterEntry } from './FilterEntry';
import { Legend } from './Legend';

const NOTE_CHOICES = [
  { id: 'any', label: 'Any' },
  { id: 'with', label: 'With a note' },
  { id: 'without', label: 'Without' },
] as const;

function FacetSection({
  title,
  facet,
  entries,
  open = false,
}: {
  title: string;
  facet: Facet;
  entries: readonly FacetEntry[];
  open?: boolean;
}) {
  const active = useUi((s) => s.filter[facet].hidden.length + s.filter[facet].only.length > 0);
  if (entries.length === 0) return null;
  return (
    <details className="filter-facet" open={open || active}>
      <summary>
        {title}
        {active && <span className="filter-on">filtered</span>}
      </summary>
      <ul className="filter-list">
        {entries.map((entry) => (
          <FilterEntry
            key={entry.key}
            facet={facet}
            value={entry.key}
            label={entry.label}
            shown={entry.shown}
            total={entry.total}
          />
        ))}
      </ul>
    </details>
  );
}

/**
 * What the map shows: the legend's categories, then relations, origins, import files,
 * tags and notes, each entry shown, hidden or one of the only ones shown. Counts follow
 * the filter; the choices stay with the graph file.
 */
export function FilterPanel() {
  const { session } = useServices();
  const summary = useUi((s) => s.summary);
  const note = useUi((s) => s.filter.note);
  const on = useUi((s) => filterIsOn(s.filter));
  return (
    <aside aria-label="Filters" className="legend">
      {on && (
        <div className="filter-reset" role="status">
          <span>
            Showing {summary?.concepts.shown.toLocaleString('en')} of{' '}
            {summary?.concepts.total.toLocaleString('en')}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => void session.filters.reset()}
          >
            Show everything
          </button>
        </div>
      )}
      <Legend />
      {summary && (
        <>
          <FacetSection title="Relations" facet="relations" entries={summary.relations} />
          <FacetSection title="Origin" facet="origins" entries={summary.origins} />
          <FacetSection title="Import files" facet="importFiles" entries={summary.importFiles} />
          <FacetSection title="Tags" facet="tags" entries={summary.tags} />
          <details className="filter-facet" open={note !== 'any'}>
            <summary>Notes</summary>
            <div className="segmented" role="radiogroup" aria-label="Notes">
              {NOTE_CHOICES.map((choice) => (
                <button
                  key={choice.id}
                  type="button"
                  role="radio"
                  aria-checked={note === choice.id}
                  onClick={() => void session.filters.setNote(choice.id)}
                >
                  {choice.label}
                  {choice.id === 'with' && ` (${summary.notes.with.toLocaleString('en')})`}
                </button>
              ))}
            </div>
          </details>
        </>
      )}
    </aside>
  );
}
