import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './filters';
import { describeView, filtersOn, freeViewName } from './saved-views';

describe('saved views, as the list names them', () => {
  it('count each facet or switch that is on as one filter', () => {
    expect(filtersOn(NO_FILTER)).toBe(0);
    expect(
      filtersOn({
        ...NO_FILTER,
        categories: { hidden: ['career', 'security'], only: [] },
        relations: { hidden: [], only: ['runs on'] },
        note: 'with',
        mine: true,
      }),
    ).toBe(4);
  });

  it('say what a view shows in one line', () => {
    expect(describeView({ focus: null, layout: 'force', filters: 0 })).toBe(
      'Whole graph · Force-directed',
    );
    expect(
      describeView({
        focus: { labels: ['API server'], depth: 2 },
        layout: 'concentric',
        filters: 1,
      }),
    ).toBe('Local graph of API server, depth 2 · Concentric · 1 filter');
    expect(
      describeView({
        focus: { labels: ['etcd', 'Pod', 'Node'], depth: 1 },
        layout: 'grid',
        filters: 3,
      }),
    ).toBe('Local graph of etcd and 2 more, depth 1 · Grid · 3 filters');
    expect(describeView({ focus: { labels: [], depth: 1 }, layout: 'circle', filters: 0 })).toBe(
      'Local graph of concepts no longer in the graph, depth 1 · Circle',
    );
  });

  it('find a free name for a copy, ignoring case as labels are compared', () => {
    expect(freeViewName('Control plane copy', ['Control plane'])).toBe('Control plane copy');
    expect(freeViewName('Control plane copy', ['control PLANE copy'])).toBe('Control plane copy 2');
    expect(freeViewName('Über copy', ['über copy', 'ÜBER COPY 2'])).toBe('Über copy 3');
    expect(freeViewName('x'.repeat(200), []).length).toBeLessThanOrEqual(120);
  });
});
