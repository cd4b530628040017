// Runtime validation of every contract argument, used at each process boundary
// (IPC and HTTP). A schema must produce exactly the argument type of its method.
import { z } from 'zod';
import type { ArgsOf, CairnMethod } from './contract';
import { LIMITS } from './limits';

const conceptId = z.string().min(1).max(LIMITS.idLength);
const noArgs = z.object({}).strict();
const coordinate = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);

export const contractSchemas: { [M in CairnMethod]: z.ZodType<ArgsOf<M>> } = {
  getAppInfo: noArgs,
  getGraph: noArgs,
  getConcept: z.object({ id: conceptId }).strict(),
  getNeighbourhood: z
    .object({
      id: conceptId,
      depth: z.number().int().min(1).max(LIMITS.neighbourhoodDepth),
      limit: z.number().int().min(1).max(LIMITS.neighbourhoodConcepts).optional(),
    })
    .strict(),
  search: z
    .object({
      query: z.string().max(LIMITS.queryLength),
      limit: z.number().int().min(1).max(LIMITS.searchResults).optional(),
    })
    .strict(),
  getStats: noArgs,
  savePositions: z
    .object({
      positions: z
        .array(z.object({ id: conceptId, x: coordinate, y: coordinate }).strict())
        .max(LIMITS.positionsPerSave),
    })
    .strict(),
};

/** One sentence naming the first thing wrong with an argument, e.g. `depth: must be at most 5`. */
export function describeIssue(method: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `The arguments of ${method} are not valid.`;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  return `Invalid ${where} for ${method}: ${issue.message}.`;
}
