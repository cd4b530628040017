// What the map shows of a graph: the filter panel's model, shared by the renderer (the
// panel, the legend), main (the view query, path finding, export of the view) and the
// CLI. Pure data, so it persists per graph file and travels in saved views.

/**
 * One facet: the entries hidden, and the entries that are the only ones shown. An entry
 * in neither is shown. `only` wins over nothing: with any `only` entry, entries not
 * listed there are hidden. Values are user text (category ids, relation names, tags):
 * they are compared, never used as object keys.
 */
export interface FacetFilter {
  hidden: string[];
  only: string[];
}

export interface GraphFilter {
  categories: FacetFilter;
  /** Link relations. Concepts left with no link shown are hidden while this facet is on. */
  relations: FacetFilter;
  origins: FacetFilter;
  /** Import files, by the file name a concept was imported from (its provenance). */
  importFiles: FacetFilter;
  tags: FacetFilter;
  /** Only concepts with a note, only those without, or either. */
  note: 'any' | 'with' | 'without';
  /**
   * "Only mine": the user's own concepts and links, and the concepts their links reach
   * (drawn faded, as context).
   */
  mine: boolean;
}

const NO_FACET: FacetFilter = { hidden: [], only: [] };

export const NO_FILTER: GraphFilter = {
  categories: NO_FACET,
  relations: NO_FACET,
  origins: NO_FACET,
  importFiles: NO_FACET,
  tags: NO_FACET,
  note: 'any',
  mine: false,
};

export type Facet = Exclude<keyof GraphFilter, 'note' | 'mine'>;
export const FACETS: readonly Facet[] = [
  'categories',
  'relations',
  'origins',
  'importFiles',
  'tags',
];

export type EntryState = 'shown' | 'hidden' | 'only';

export function facetIsOn(facet: FacetFilter): boolean {
  return facet.hidden.length > 0 || facet.only.length > 0;
}

export function filterIsOn(filter: GraphFilter): boolean {
  return filter.mine || filter.note !== 'any' || FACETS.some((f) => facetIsOn(filter[f]));
}

/** Whether one value of a facet is shown. */
export function facetShows(facet: FacetFilter, value: string): boolean {
  if (facet.hidden.includes(value)) return false;
  return facet.only.length === 0 || facet.only.includes(value);
}

/** Whether a concept with any of `values` (its tags, say) is shown by the facet. */
export function facetShowsAny(facet: FacetFilter, values: readonly string[]): boolean {
  if (values.some((v) => facet.hidden.includes(v))) return false;
  return facet.only.length === 0 || values.some((v) => facet.only.includes(v));
}

export function entryState(facet: FacetFilter, value: string): EntryState {
  if (facet.only.includes(value)) return 'only';
  if (facet.hidden.includes(value)) return 'hidden';
  return 'shown';
}

/**
 * The facet with one entry set to `state`: shown, hidden, or one of the only ones shown.
 * Several entries can be `only` at once (show only runs on and part of).
 */
export function setEntry(facet: FacetFilter, value: string, state: EntryState): FacetFilter {
  const hidden = facet.hidden.filter((v) => v !== value);
  const only = facet.only.filter((v) => v !== value);
  if (state === 'hidden') hidden.push(value);
  if (state === 'only') only.push(value);
  return { hidden, only };
}

/** The filter with one facet changed. */
export function withFacet(filter: GraphFilter, facet: Facet, value: FacetFilter): GraphFilter {
  return { ...filter, [facet]: value };
}

/**
 * A filter from untrusted data (a saved setting, a view from a file): anything missing
 * or malformed is "shown", duplicates go, and each list is bounded.
 */
export function normaliseFilter(value: unknown): GraphFilter {
  const object = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const list = (v: unknown): string[] =>
    Array.isArray(v)
      ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x.length <= 200))].slice(
          0,
          MAX_ENTRIES,
        )
      : [];
  const facet = (v: unknown): FacetFilter => {
    const o = object(v);
    return { hidden: list(o.hidden), only: list(o.only) };
  };
  const o = object(value);
  const note = o.note === 'with' || o.note === 'without' ? o.note : 'any';
  return {
    categories: facet(o.categories),
    relations: facet(o.relations),
    origins: facet(o.origins),
    importFiles: facet(o.importFiles),
    tags: facet(o.tags),
    note,
    mine: o.mine === true,
  };
}

/** Bounds a facet's lists, so a filter stays small enough to send and store. */
export const MAX_ENTRIES = 500;
