import { describe, expect, it } from 'vitest';
import {
  entryState,
  facetShows,
  facetShowsAny,
  filterIsOn,
  NO_FILTER,
  normaliseFilter,
  setEntry,
  withFacet,
} from './filters';

describe('the filter model', () => {
  it('shows everything until an entry is hidden or made the only one shown', () => {
    expect(filterIsOn(NO_FILTER)).toBe(false);
    expect(facetShows(NO_FILTER.categories, 'career')).toBe(true);
    const hidden = setEntry(NO_FILTER.categories, 'career', 'hidden');
    expect(facetShows(hidden, 'career')).toBe(false);
    expect(facetShows(hidden, 'security')).toBe(true);
    expect(filterIsOn(withFacet(NO_FILTER, 'categories', hidden))).toBe(true);
  });

  it('combines several only entries, and a hidden one on top', () => {
    let relations = setEntry(NO_FILTER.relations, 'runs on', 'only');
    relations = setEntry(relations, 'part of', 'only');
    expect(['runs on', 'part of', 'stores data for'].map((r) => facetShows(relations, r))).toEqual([
      true,
      true,
      false,
    ]);
    relations = setEntry(relations, 'part of', 'hidden');
    expect(entryState(relations, 'part of')).toBe('hidden');
    expect(facetShows(relations, 'part of')).toBe(false);
    expect(setEntry(relations, 'part of', 'shown')).toEqual({ hidden: [], only: ['runs on'] });
  });

  it('shows a concept by its tags when any of them is shown and none is hidden', () => {
    const tags = setEntry(setEntry(NO_FILTER.tags, 'cncf', 'only'), 'deprecated', 'hidden');
    expect(facetShowsAny(tags, ['cncf', 'storage'])).toBe(true);
    expect(facetShowsAny(tags, ['cncf', 'deprecated'])).toBe(false);
    expect(facetShowsAny(tags, [])).toBe(false);
  });

  it('makes a filter from untrusted data, dropping what is not a filter', () => {
    expect(normaliseFilter(null)).toEqual(NO_FILTER);
    expect(
      normaliseFilter({
        categories: { hidden: ['career', 'career', 7, 'x'.repeat(500)], only: 'nope' },
        note: 'with',
        __proto__: { polluted: true },
        extra: 1,
      }),
    ).toEqual({ ...NO_FILTER, categories: { hidden: ['career'], only: [] }, note: 'with' });
    expect(
      normaliseFilter({ tags: { only: Array.from({ length: 900 }, (_, i) => `t${i}`) } }).tags.only,
    ).toHaveLength(500);
  });
});
