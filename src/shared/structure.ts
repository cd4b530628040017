// The graph's structure as the statistics panel, the map's styling and `cairn stats`
// see it, measured in the service layer (src/main/services/structure/).
import type { ConceptSummary } from './domain';

/** The measures a concept can be ranked and sized by. */
export const MEASURES = ['degree', 'inDegree', 'outDegree', 'pagerank', 'betweenness'] as const;
export type MeasureName = (typeof MEASURES)[number];

/** What a concept's colour on the map can say. */
export const COLOUR_BY = ['category', 'community', 'origin'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

/**
 * Counts of links, read from the links themselves and so always current; the other
 * measures are taken by the structure service and stored.
 */
export function isLinkCount(measure: MeasureName): boolean {
  return measure === 'degree' || measure === 'inDegree' || measure === 'outDegree';
}

export const MEASURE_LABELS: Readonly<Record<MeasureName, string>> = {
  degree: 'Links',
  inDegree: 'Incoming links',
  outDegree: 'Outgoing links',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

/** What a larger concept means when sized by each measure, for the legend: "Larger: …". */
export const SIZE_MEANINGS: Readonly<Record<MeasureName, string>> = {
  degree: 'more links, in either direction',
  inDegree: 'more links pointing at it',
  outDegree: 'more links starting from it',
  pagerank: 'pointed at by concepts that are themselves pointed at (PageRank)',
  betweenness: 'on more of the shortest ways between two other concepts',
};

/** What each measure says, for the panel. */
export const MEASURE_MEANINGS: Readonly<Record<MeasureName, string>> = {
  degree: 'links in either direction',
  inDegree: 'links that point at the concept',
  outDegree: 'links that start from the concept',
  pagerank: 'how much the concepts pointing at it are themselves pointed at',
  betweenness: 'how often it lies on the shortest way between two others',
};

export interface RankedConcept {
  concept: ConceptSummary;
  value: number;
}

export interface CommunitySummary {
  /** Numbered by size: 0 is the largest. */
  community: number;
  size: number;
  /** Its members with the highest PageRank, most first. */
  members: ConceptSummary[];
}

export interface GraphStructure {
  measuredAt: string;
  concepts: number;
  /** Betweenness was walked from this many concepts: all of them, or a sample above 10,000. */
  betweennessSources: number;
  modularity: number;
  /** The top concepts by each measure, in the order of MEASURES. */
  top: { measure: MeasureName; concepts: RankedConcept[] }[];
  /** Each measure's largest value, for sizing and the legend. */
  maxima: Record<MeasureName, number>;
  /** How many concepts have each number of links, by degree ascending. */
  degreeDistribution: { degree: number; concepts: number }[];
  /** Connected components (ignoring direction): how many, and the sizes of the largest. */
  components: { count: number; largest: number[] };
  communities: { count: number; largest: CommunitySummary[] };
  /** Concepts with no link at all: how many, and the first of them, oldest first. */
  isolated: { count: number; concepts: ConceptSummary[] };
}

/**
 * `current`: the measures describe the graph as it is. `measuring`: they are being
 * taken (in the background for a big graph), and `structure` is the last measure, if
 * any, of an older state of the graph.
 */
export interface StructureAnswer {
  state: 'current' | 'measuring';
  /** While measuring: the fraction done, 0 to 1. */
  progress: number | null;
  structure: GraphStructure | null;
}

/** The most a report lists of any one kind. */
export const STRUCTURE_TOP_LIMIT = 100;
