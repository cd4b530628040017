import type { FacetFilter, GraphFilter } from '../../../shared/filters';
import { facetIsOn } from '../../../shared/filters';

/**
 * A GraphFilter as SQL: a condition on concepts (alias `c`) and one on links (alias
 * `l`), with their parameters. Every value is bound as a JSON array and read with
 * json_each, so no user text is ever part of the SQL itself.
 */
export interface FilterSql {
  concepts: string;
  links: string;
  params: Record<string, string>;
}

/** The condition of a facet group that keeps every row. */
export const ALL = '1';

function facetSql(
  facet: FacetFilter,
  name: string,
  test: (list: string) => string,
  params: Record<string, string>,
): string[] {
  const parts: string[] = [];
  if (facet.hidden.length > 0) {
    params[`${name}Hidden`] = JSON.stringify(facet.hidden);
    parts.push(`NOT (${test(`(SELECT value FROM json_each(@${name}Hidden))`)})`);
  }
  if (facet.only.length > 0) {
    params[`${name}Only`] = JSON.stringify(facet.only);
    parts.push(`(${test(`(SELECT value FROM json_each(@${name}Only))`)})`);
  }
  return parts;
}

/** The relation of a link as the filter panel lists it (a mention's is "mentions"). */
const RELATION = 'l.relation';

export function filterSql(filter: GraphFilter): FilterSql {
  const params: Record<string, string> = {};
  const concepts: string[] = [
    ...facetSql(filter.categories, 'category', (list) => `c.category IN ${list}`, params),
    ...facetSql(filter.origins, 'origin', (list) => `c.origin IN ${list}`, params),
    ...facetSql(
      filter.importFiles,
      'importFile',
      (list) => `c.origin = 'import' AND coalesce(c.provenance, '') IN ${list}`,
      params,
    ),
    ...facetSql(
      filter.tags,
      'tag',
      (list) => `EXISTS (SELECT 1 FROM tags t WHERE t.concept = c.key AND t.tag IN ${list})`,
      params,
    ),
  ];
  if (filter.note === 'with')
    concepts.push('EXISTS (SELECT 1 FROM notes n WHERE n.concept = c.key)');
  if (filter.note === 'without') {
    concepts.push('NOT EXISTS (SELECT 1 FROM notes n WHERE n.concept = c.key)');
  }
  const links = facetSql(filter.relations, 'relation', (list) => `${RELATION} IN ${list}`, params);
  if (filter.mine) {
    // The user's concepts, and those their own links reach, as context.
    links.push("l.origin = 'user'");
    concepts.push(`(c.origin = 'user'
      OR EXISTS (SELECT 1 FROM links l WHERE l.source = c.key AND l.origin = 'user')
      OR EXISTS (SELECT 1 FROM links l WHERE l.target = c.key AND l.origin = 'user'))`);
  }
  // With a relation filter on, a concept left without a link it shows is hidden too:
  // "only runs on and part of" shows the concepts those links join.
  if (facetIsOn(filter.relations)) {
    const shown = links.join(' AND ');
    concepts.push(
      `(EXISTS (SELECT 1 FROM links l WHERE l.source = c.key AND ${shown})
        OR EXISTS (SELECT 1 FROM links l WHERE l.target = c.key AND ${shown}))`,
    );
  }
  return {
    concepts: concepts.length > 0 ? concepts.join(' AND ') : ALL,
    links: links.length > 0 ? links.join(' AND ') : ALL,
    params,
  };
}
