// The one API contract between the renderer and the services (see docs/architecture.md).
// The main-side handler type, the renderer's Promise client, the preload bridge and the
// HTTP routes are all derived from `CairnApi` and `CONTRACT_METHODS`.
import type {
  AppInfo,
  ConceptDetails,
  GraphSnapshot,
  GraphStats,
  Neighbourhood,
  Position,
  SearchHit,
} from './domain';

export interface CairnApi {
  getAppInfo(args: Record<string, never>): Promise<AppInfo>;
  getGraph(args: Record<string, never>): Promise<GraphSnapshot>;
  getConcept(args: { id: string }): Promise<ConceptDetails>;
  getNeighbourhood(args: { id: string; depth: number; limit?: number }): Promise<Neighbourhood>;
  search(args: { query: string; limit?: number }): Promise<SearchHit[]>;
  getStats(args: Record<string, never>): Promise<GraphStats>;
  savePositions(args: { positions: Position[] }): Promise<{ saved: number }>;
}

export type CairnMethod = keyof CairnApi;
export type ArgsOf<M extends CairnMethod> = Parameters<CairnApi[M]>[0];
export type ResultOf<M extends CairnMethod> = Awaited<ReturnType<CairnApi[M]>>;

/** Main-side implementation of the contract: the same signatures, sync or async. */
export type CairnHandlers = {
  [M in CairnMethod]: (args: ArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
};

// Listed by hand so that the sandboxed preload can import the names without the
// schemas; the check below fails to compile if a method is missing or extra.
export const CONTRACT_METHODS = [
  'getAppInfo',
  'getGraph',
  'getConcept',
  'getNeighbourhood',
  'search',
  'getStats',
  'savePositions',
] as const satisfies readonly CairnMethod[];

type Missing = Exclude<CairnMethod, (typeof CONTRACT_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

export function isContractMethod(name: string): name is CairnMethod {
  return (CONTRACT_METHODS as readonly string[]).includes(name);
}

/** The IPC channel of one method: every method has its own. */
export function ipcChannel(method: CairnMethod): string {
  return `cairn:${method}`;
}
