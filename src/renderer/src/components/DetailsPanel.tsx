import type { Origin } from '../../../shared/domain';
import { useUi } from '../app/context';
import { selectCategories, selectConcepts } from '../state/selectors';
import { LinkList } from './LinkList';
import { Swatch } from './Swatch';

const ORIGIN_LABELS: Record<Origin, string> = {
  seed: 'Default graph',
  user: 'Yours',
  import: 'Imported',
};

export function DetailsPanel() {
  const selectedId = useUi((s) => s.selectedId);
  const details = useUi((s) => s.details);
  const summary = useUi((s) => (s.selectedId ? selectConcepts(s).get(s.selectedId) : undefined));
  const categories = useUi(selectCategories);

  if (!selectedId || !summary) {
    return (
      <aside aria-label="Details" className="details">
        <div className="details-empty">
          <p className="details-empty-title">No concept selected</p>
          <p className="muted">
            Click a concept in the graph, or press <kbd>/</kbd> to search. Its description, links
            and where it comes from show here.
          </p>
        </div>
      </aside>
    );
  }

  const data = details?.id === selectedId ? details.data : null;
  const error = details?.id === selectedId ? details.error : null;
  const concept = data?.concept;
  const category = categories.get(summary.category);

  return (
    <aside aria-label="Details" className="details">
      <header className="details-header">
        <div className="details-category">
          <Swatch color={category?.color} />
          <span>{category?.label ?? summary.category}</span>
        </div>
        <h2>{summary.label}</h2>
      </header>
      {error && <p className="details-error">{error}</p>}
      {!data && !error && (
        <div className="details-loading" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      )}
      {concept && data && (
        <>
          {concept.description ? (
            <p className="description">{concept.description}</p>
          ) : (
            <p className="description muted">No description yet.</p>
          )}
          {concept.tags.length > 0 && (
            <ul className="tags" aria-label="Tags">
              {concept.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          <LinkList title="Outgoing links" direction="outgoing" links={data.outgoing} />
          <LinkList title="Incoming links" direction="incoming" links={data.incoming} />
          {concept.note && (
            <section className="details-section" aria-labelledby="details-note">
              <h3 id="details-note">Note</h3>
              <p className="note">{concept.note}</p>
            </section>
          )}
          <section className="details-section" aria-labelledby="details-provenance">
            <h3 id="details-provenance">Where it comes from</h3>
            <dl className="provenance">
              <dt>Source</dt>
              <dd>{concept.provenance ?? 'Not recorded'}</dd>
              <dt>Origin</dt>
              <dd>{ORIGIN_LABELS[concept.origin]}</dd>
            </dl>
          </section>
        </>
      )}
    </aside>
  );
}
