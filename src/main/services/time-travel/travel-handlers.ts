import type { CairnHandlers, CairnMethod } from '../../../shared/contract';
import { CONTRACT_METHODS, writesToGraph } from '../../../shared/contract';
import { CairnError } from '../../../shared/errors';
import type { TimeMachine } from './time-machine';

// While the timeline shows the past, what reads the graph reads the copy the time
// machine keeps (the map, search, details, paths, structure, export), and every change
// is refused: the past is shown, not edited. The rest (the history, saved views, the
// settings, other graph files) stays with the graph as it is now.

/** Methods that read the graph's contents: answered from the past while travelling. */
const READS_THE_PAST: ReadonlySet<CairnMethod> = new Set<CairnMethod>([
  'getGraph',
  'getConcept',
  'getNeighbourhood',
  'search',
  'getStats',
  'getVocabulary',
  'getStructure',
  'findPaths',
  'getGraphSummary',
  'getView',
  'getLocalGraph',
  'resolveLabels',
  'exportGraph',
  'getLinkSuggestions',
]);

/** Changes that may go on while the past is shown: they are not to the graph's contents. */
const ALLOWED_WHILE_TRAVELLING: ReadonlySet<CairnMethod> = new Set<CairnMethod>([
  'saveFilter',
  'travelTo',
]);

/** Leaving the graph (opening another) first comes back to the present. */
const LEAVES_THE_GRAPH: ReadonlySet<CairnMethod> = new Set<CairnMethod>([
  'openGraphFile',
  'createGraphFile',
]);

export function travellingHandlers(
  present: CairnHandlers,
  machine: TimeMachine,
  past: () => CairnHandlers | null,
): CairnHandlers {
  const routed = Object.create(null) as Record<CairnMethod, (args: unknown) => unknown>;
  for (const method of CONTRACT_METHODS) {
    const now = present[method] as (args: unknown) => unknown;
    routed[method] = (args: unknown) => {
      const then = past();
      if (!then) return now(args);
      if (READS_THE_PAST.has(method)) return (then[method] as (a: unknown) => unknown)(args);
      if (LEAVES_THE_GRAPH.has(method)) {
        // Only once the other graph is open: a refusal leaves the timeline as it was.
        const left = now(args);
        machine.end();
        return left;
      }
      if (writesToGraph(method) && !ALLOWED_WHILE_TRAVELLING.has(method)) {
        throw new CairnError(
          'read-only',
          'The timeline shows the graph as it was: come back to now to change it.',
        );
      }
      return now(args);
    };
  }
  return routed as unknown as CairnHandlers;
}
