import { useMemo, useState } from 'react';
import { useAction, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { ConceptLink } from './ConceptLink';
import { CloseIcon } from './icons';
import {
  nextSort,
  sortConcepts,
  sortLinks,
  type ConceptColumn,
  type LinkColumn,
  type Sort,
} from './list-rows';

/** Rows drawn at once; the rest are a sort or a filter away, and the table says so. */
const ROW_LIMIT = 500;
const CONCEPT_HEADINGS: Record<ConceptColumn, string> = {
  label: 'Concept',
  category: 'Category',
  degree: 'Links',
  inDegree: 'Incoming',
  outDegree: 'Outgoing',
};
const LINK_HEADINGS: Record<LinkColumn, string> = {
  source: 'From',
  relation: 'Relation',
  target: 'To',
};
const number = new Intl.NumberFormat();

/**
 * What the map shows, as two tables (concepts, links) a screen reader reads and a
 * keyboard sorts: the same concepts and links, under the same filters.
 */
export function ListView() {
  const drawn = useUi((s) => s.drawn);
  const close = useAction('list-view');
  const categories = useUi(selectCategories);
  const [tab, setTab] = useState<'concepts' | 'links'>('concepts');
  const [conceptSort, setConceptSort] = useState<Sort<ConceptColumn>>({
    column: 'degree',
    descending: true,
  });
  const [linkSort, setLinkSort] = useState<Sort<LinkColumn>>({
    column: 'source',
    descending: false,
  });
  const concepts = useMemo(
    () =>
      sortConcepts(
        (drawn?.concepts ?? []).map((concept) => ({
          concept,
          category: categories.get(concept.category)?.label ?? concept.category,
        })),
        conceptSort,
      ),
    [drawn, categories, conceptSort],
  );
  const links = useMemo(() => {
    const byId = new Map((drawn?.concepts ?? []).map((c) => [c.id, c]));
    return sortLinks(
      (drawn?.links ?? []).flatMap((link) => {
        const source = byId.get(link.source);
        const target = byId.get(link.target);
        return source && target ? [{ link, source: source.label, target: target.label }] : [];
      }),
      linkSort,
    );
  }, [drawn, linkSort]);
  const byId = new Map((drawn?.concepts ?? []).map((c) => [c.id, c]));

  return (
    <section aria-label="List view" className="list-view">
      <header className="history-head">
        <h2>List view</h2>
        <div role="tablist" aria-label="Show" className="list-tabs">
          {(['concepts', 'links'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className="toggle-button"
              onClick={() => setTab(name)}
            >
              {name === 'concepts'
                ? `Concepts (${number.format(concepts.length)})`
                : `Links (${number.format(links.length)})`}
            </button>
          ))}
        </div>
        <div className="history-tools">
          <button
            type="button"
            className="icon-button"
            aria-label="Close list view"
            title="Back to the map (T)"
            onClick={close.perform}
          >
            <CloseIcon />
          </button>
        </div>
      </header>
      <div
        className="list-body"
        role="tabpanel"
        aria-label={tab === 'concepts' ? 'Concepts' : 'Links'}
      >
        {tab === 'concepts' ? (
          <table className="list-table">
            <caption className="sr-only">Concepts the map shows; sortable by each column</caption>
            <thead>
              <tr>
                {(Object.keys(CONCEPT_HEADINGS) as ConceptColumn[]).map((column) => (
                  <SortHeader
                    key={column}
                    text={CONCEPT_HEADINGS[column]}
                    sort={conceptSort.column === column ? conceptSort : null}
                    numeric={column !== 'label' && column !== 'category'}
                    onSort={() =>
                      setConceptSort(
                        nextSort(conceptSort, column, column !== 'label' && column !== 'category'),
                      )
                    }
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {concepts.slice(0, ROW_LIMIT).map(({ concept, category }) => (
                <tr key={concept.id}>
                  <th scope="row">
                    <ConceptLink concept={concept} />
                  </th>
                  <td>{category}</td>
                  <td className="number">{number.format(concept.degree)}</td>
                  <td className="number">{number.format(concept.inDegree)}</td>
                  <td className="number">{number.format(concept.outDegree)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="list-table">
            <caption className="sr-only">Links the map shows; sortable by each column</caption>
            <thead>
              <tr>
                {(Object.keys(LINK_HEADINGS) as LinkColumn[]).map((column) => (
                  <SortHeader
                    key={column}
                    text={LINK_HEADINGS[column]}
                    sort={linkSort.column === column ? linkSort : null}
                    numeric={false}
                    onSort={() => setLinkSort(nextSort(linkSort, column, false))}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {links.slice(0, ROW_LIMIT).map(({ link }) => (
                <tr key={link.id}>
                  <td>
                    <ConceptLink concept={byId.get(link.source)!} />
                  </td>
                  <td>{link.relation}</td>
                  <td>
                    <ConceptLink concept={byId.get(link.target)!} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(tab === 'concepts' ? concepts.length : links.length) > ROW_LIMIT && (
          <p className="muted">
            The first {number.format(ROW_LIMIT)} in this order; sort by another column or filter to
            see others.
          </p>
        )}
      </div>
    </section>
  );
}

function SortHeader({
  text,
  sort,
  numeric,
  onSort,
}: {
  text: string;
  sort: { descending: boolean } | null;
  numeric: boolean;
  onSort: () => void;
}) {
  return (
    <th
      scope="col"
      className={numeric ? 'number' : undefined}
      aria-sort={sort ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="list-sort" onClick={onSort}>
        {text}
        <span aria-hidden="true">{sort ? (sort.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </th>
  );
}
