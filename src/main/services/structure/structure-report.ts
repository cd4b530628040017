import type { MeasureName } from '../../../shared/structure';
import { MEASURES } from '../../../shared/structure';
import type { Measures } from './measures';

// What the panel and `cairn stats` show of the measures, by concept key; the service
// puts labels on the keys. Pure, so the unit test reads it on graphs whose answers are known.

export interface KeyedStructure {
  top: { measure: MeasureName; entries: { key: number; value: number }[] }[];
  maxima: Record<MeasureName, number>;
  degreeDistribution: { degree: number; concepts: number }[];
  components: { count: number; largest: number[] };
  communities: { count: number; largest: { community: number; size: number; members: number[] }[] };
  isolated: { count: number; keys: number[] };
}

/** The value of a measure for the concept at index i. */
export function measureAt(measures: Measures, measure: MeasureName, i: number): number {
  switch (measure) {
    case 'degree':
      return measures.inDegree[i]! + measures.outDegree[i]!;
    case 'inDegree':
      return measures.inDegree[i]!;
    case 'outDegree':
      return measures.outDegree[i]!;
    case 'pagerank':
      return measures.pagerank[i]!;
    case 'betweenness':
      return measures.betweenness[i]!;
  }
}

/** The indexes of the `count` highest values, highest first; ties by the smaller key. */
function topIndexes(measures: Measures, count: number, value: (i: number) => number): number[] {
  const n = measures.keys.length;
  const order = (a: number, b: number) =>
    value(b) - value(a) || measures.keys[a]! - measures.keys[b]!;
  // A running list of the best `count`, so a big graph is never sorted whole.
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (best.length === count && order(i, best[count - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(i, best[at - 1]!) < 0) at -= 1;
    best.splice(at, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}

export function summariseMeasures(
  measures: Measures,
  top: number,
  communityMembers = 5,
): KeyedStructure {
  const n = measures.keys.length;
  const maxima = {} as Record<MeasureName, number>;
  const tops: KeyedStructure['top'] = [];
  for (const measure of MEASURES) {
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, measureAt(measures, measure, i));
    maxima[measure] = max;
    tops.push({
      measure,
      entries: topIndexes(measures, top, (i) => measureAt(measures, measure, i)).map((i) => ({
        key: measures.keys[i]!,
        value: measureAt(measures, measure, i),
      })),
    });
  }

  const byDegree = new Map<number, number>();
  const isolated: number[] = [];
  let isolatedCount = 0;
  for (let i = 0; i < n; i++) {
    const degree = measureAt(measures, 'degree', i);
    byDegree.set(degree, (byDegree.get(degree) ?? 0) + 1);
    if (degree === 0) {
      isolatedCount += 1;
      if (isolated.length < top) isolated.push(measures.keys[i]!);
    }
  }

  return {
    top: tops,
    maxima,
    degreeDistribution: [...byDegree]
      .map(([degree, concepts]) => ({ degree, concepts }))
      .sort((a, b) => a.degree - b.degree),
    components: groupSizes(measures.component, top),
    communities: communities(measures, top, communityMembers),
    isolated: { count: isolatedCount, keys: isolated },
  };
}

/** How many groups there are (numbered 0… by size) and the sizes of the largest. */
function groupSizes(groups: Int32Array, top: number): { count: number; largest: number[] } {
  const sizes: number[] = [];
  for (const group of groups) sizes[group] = (sizes[group] ?? 0) + 1;
  return { count: sizes.length, largest: sizes.slice(0, top) };
}

function communities(
  measures: Measures,
  top: number,
  memberCount: number,
): KeyedStructure['communities'] {
  const { count, largest } = groupSizes(measures.community, top);
  return {
    count,
    largest: largest.map((size, community) => ({
      community,
      size,
      members: topIndexes(measures, Math.min(memberCount, size), (i) =>
        measures.community[i] === community ? measures.pagerank[i]! : -1,
      ).map((i) => measures.keys[i]!),
    })),
  };
}
