import type { Database } from 'better-sqlite3';
import type { ConceptSummary } from '../../../shared/domain';
import type { GraphStructure, StructureAnswer } from '../../../shared/structure';
import { measureInWorker } from './measure-in-worker';
import { CairnError } from '../../../shared/errors';
import { computeMeasures, type Measures } from './measures';
import { summariseMeasures } from './structure-report';
import { readStructureInput, storeMeasures, structureState } from './structure-store';

/** Up to this many concepts the graph is measured at once, on the calling thread (≈0.1 s)… */
export const MEASURE_INLINE_LIMIT = 1_000;
/** …and up to this many links: exact betweenness costs concepts × links. */
const MEASURE_INLINE_LINKS = 5_000;

interface Measured {
  version: number;
  measures: Measures;
  /** The concept id of each key when measured, so a key given since to a new concept is not taken for it. */
  ids: ReadonlyMap<number, string>;
  measuredAt: string;
  betweennessSources: number;
  modularity: number;
}

/**
 * The graph's structure, measured when asked and kept: in the graph file (so a reopen
 * does not measure again, and the map can size concepts by a measure), and in memory for
 * the reports. A small graph is measured on the spot; a big one on a worker thread while
 * the last measures, if any, are shown as they were. A graph opened read-only is measured
 * the same way and kept in memory only.
 */
export class StructureService {
  private measured: Measured | null = null;
  private job: { version: number; progress: number; done: Promise<void> } | null = null;
  /** A measure that failed, kept so it is not tried again until the graph changes. */
  private failed: { version: number; message: string } | null = null;

  constructor(
    private readonly db: Database,
    private readonly readOnly = false,
  ) {}

  /** The structure now: current, or the last measure while a new one is taken. */
  answer(top: number): StructureAnswer {
    const version = structureState(this.db).version;
    this.loadStored();
    if (this.failed?.version === version) {
      throw new CairnError('io', `The graph could not be measured: ${this.failed.message}.`);
    }
    if (this.measured?.version !== version) {
      const concepts = this.db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
      const links = this.db.prepare('SELECT count(*) FROM links').pluck().get() as number;
      if (concepts <= MEASURE_INLINE_LIMIT && links <= MEASURE_INLINE_LINKS) this.measureNow();
      else this.start();
    }
    const current = this.measured?.version === version;
    return {
      state: current ? 'current' : 'measuring',
      progress: current ? null : (this.job?.progress ?? 0),
      structure: this.measured ? this.report(this.measured, top) : null,
    };
  }

  /** The current structure, waiting for it to be measured if need be (the CLI). */
  async current(top: number): Promise<GraphStructure> {
    for (;;) {
      const answer = this.answer(top);
      if (answer.state === 'current') return answer.structure!;
      await this.job?.done;
    }
  }

  /** Takes the stored measures into memory when they are newer than the ones held. */
  private loadStored(): void {
    const state = structureState(this.db);
    if (state.measured === null) return;
    // A read-only graph's measures are newer in memory than in the file: keep them.
    if (this.measured && this.measured.version >= state.measured) return;
    const rows = this.db
      .prepare(
        `SELECT m.concept, m.in_degree, m.out_degree, m.pagerank, m.betweenness, m.component,
                m.community, c.id
         FROM concept_measures m JOIN concepts c ON c.key = m.concept ORDER BY m.concept`,
      )
      .raw()
      .all() as [number, number, number, number, number, number, number, string][];
    const column = <T extends Int32Array | Float64Array>(
      make: new (length: number) => T,
      index: number,
    ) => {
      const values = new make(rows.length);
      rows.forEach((row, i) => (values[i] = row[index] as number));
      return values;
    };
    this.measured = {
      version: state.measured,
      ids: new Map(rows.map((row) => [row[0], row[7]])),
      measuredAt: state.measuredAt!,
      betweennessSources: state.betweennessSources ?? 0,
      modularity: state.modularity ?? 0,
      measures: {
        keys: column(Int32Array, 0),
        inDegree: column(Int32Array, 1),
        outDegree: column(Int32Array, 2),
        pagerank: column(Float64Array, 3),
        betweenness: column(Float64Array, 4),
        component: column(Int32Array, 5),
        community: column(Int32Array, 6),
        betweennessSources: state.betweennessSources ?? 0,
        modularity: state.modularity ?? 0,
      },
    };
  }

  private measureNow(): void {
    const { version, input, ids } = readStructureInput(this.db);
    this.keep(version, computeMeasures(input), ids);
  }

  private start(): void {
    // One measure at a time; a change made meanwhile is measured when next asked.
    if (this.job) return;
    const { version, input, ids } = readStructureInput(this.db);
    const job = {
      version,
      progress: 0,
      done: Promise.resolve(),
    };
    job.done = measureInWorker(input, (done, total) => (job.progress = done / total))
      .then((measures) => this.keep(version, measures, ids))
      .catch((error: unknown) => {
        // Closed meanwhile (another file opened): nothing to say. Otherwise the next
        // answer says it, once, until the graph changes.
        if (!this.db.open) return;
        console.error('Measuring the graph failed:', error);
        this.failed = { version, message: (error as Error).message };
      })
      .finally(() => {
        if (this.job === job) this.job = null;
      });
    this.job = job;
  }

  private keep(version: number, measures: Measures, ids: readonly string[]): void {
    if (!this.db.open) return;
    const stored = !this.readOnly && storeMeasures(this.db, version, measures);
    if (!this.readOnly && !stored) return; // the graph changed meanwhile: measure again when asked
    this.measured = {
      version,
      measures,
      ids: new Map(Array.from(measures.keys, (key, i) => [key, ids[i]!])),
      measuredAt: stored ? structureState(this.db).measuredAt! : new Date().toISOString(),
      betweennessSources: measures.betweennessSources,
      modularity: measures.modularity,
    };
  }

  private report(measured: Measured, top: number): GraphStructure {
    const keyed = summariseMeasures(measured.measures, top);
    const wanted = new Set<number>(keyed.isolated.keys);
    for (const { entries } of keyed.top) for (const { key } of entries) wanted.add(key);
    for (const { members } of keyed.communities.largest) for (const key of members) wanted.add(key);
    const concepts = this.summaries([...wanted], measured.ids);
    const known = (keys: number[]) =>
      keys.flatMap((key) => (concepts.has(key) ? [concepts.get(key)!] : []));
    return {
      measuredAt: measured.measuredAt,
      concepts: measured.measures.keys.length,
      betweennessSources: measured.betweennessSources,
      modularity: measured.modularity,
      top: keyed.top.map(({ measure, entries }) => ({
        measure,
        concepts: entries.flatMap(({ key, value }) =>
          concepts.has(key) ? [{ concept: concepts.get(key)!, value }] : [],
        ),
      })),
      maxima: keyed.maxima,
      degreeDistribution: keyed.degreeDistribution,
      components: keyed.components,
      communities: {
        count: keyed.communities.count,
        largest: keyed.communities.largest.map(({ community, size, members }) => ({
          community,
          size,
          members: known(members),
        })),
      },
      isolated: { count: keyed.isolated.count, concepts: known(keyed.isolated.keys) },
    };
  }

  /** Concepts by key; one deleted since the measure (its key perhaps reused) is absent. */
  private summaries(keys: number[], ids: ReadonlyMap<number, string>): Map<number, ConceptSummary> {
    const rows = this.db
      .prepare(
        `SELECT c.key, c.id, c.label, c.category, c.origin
         FROM json_each(?) j JOIN concepts c ON c.key = j.value`,
      )
      .all(JSON.stringify(keys)) as (ConceptSummary & { key: number })[];
    return new Map(
      rows
        .filter((row) => ids.get(row.key) === row.id)
        .map(({ key, ...summary }) => [key, summary]),
    );
  }
}
