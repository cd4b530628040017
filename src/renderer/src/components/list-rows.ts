import type { Link } from '../../../shared/domain';
import type { ViewConcept } from '../../../shared/graph-view';

// The list view's rows: what the map draws, as a table a screen reader can read and a
// keyboard can sort. Pure, so the sorting is tested beside it.

export const CONCEPT_COLUMNS = ['label', 'category', 'degree', 'inDegree', 'outDegree'] as const;
export type ConceptColumn = (typeof CONCEPT_COLUMNS)[number];
export const LINK_COLUMNS = ['source', 'relation', 'target'] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];

export interface Sort<C extends string> {
  column: C;
  descending: boolean;
}

const NATURAL_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export interface ConceptRow {
  concept: ViewConcept;
  category: string;
}

export function sortConcepts(rows: readonly ConceptRow[], sort: Sort<ConceptColumn>): ConceptRow[] {
  const sign = sort.descending ? -1 : 1;
  const byLabel = (a: ConceptRow, b: ConceptRow) =>
    NATURAL_ORDER.compare(a.concept.label, b.concept.label);
  return [...rows].sort((a, b) => {
    const primary =
      sort.column === 'label'
        ? byLabel(a, b)
        : sort.column === 'category'
          ? NATURAL_ORDER.compare(a.category, b.category)
          : a.concept[sort.column] - b.concept[sort.column];
    return sign * primary || byLabel(a, b);
  });
}

export interface LinkRow {
  link: Link;
  source: string;
  target: string;
}

export function sortLinks(rows: readonly LinkRow[], sort: Sort<LinkColumn>): LinkRow[] {
  const sign = sort.descending ? -1 : 1;
  const text = (row: LinkRow) =>
    sort.column === 'relation' ? row.link.relation : row[sort.column];
  return [...rows].sort(
    (a, b) =>
      sign * NATURAL_ORDER.compare(text(a), text(b)) ||
      NATURAL_ORDER.compare(a.source, b.source) ||
      a.link.id - b.link.id,
  );
}

/** A click on a column: the same column again turns the order round; numbers start high. */
export function nextSort<C extends string>(sort: Sort<C>, column: C, numeric: boolean): Sort<C> {
  return sort.column === column
    ? { column, descending: !sort.descending }
    : { column, descending: numeric };
}
