// Runtime validation of every contract argument, used at each process boundary
// (IPC and HTTP). A schema must produce exactly the argument type of its method.
import { z } from 'zod';
import type { ArgsOf, CairnMethod } from './contract';
import { LIMITS } from './limits';
import {
  categoryNameSchema,
  descriptionSchema,
  labelSchema,
  noteSchema,
  relationSchema,
  tagsSchema,
} from './validation';

const conceptId = z.string().min(1).max(LIMITS.idLength);
const noArgs = z.object({}).strict();
const coordinate = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const linkId = z.number().int().positive();
const linkNote = z
  .string()
  .max(5_000, { message: 'A link note can be at most 5,000 characters long.' });

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
  getVocabulary: noArgs,
  createConcept: z
    .object({
      label: labelSchema,
      category: categoryNameSchema,
      description: descriptionSchema.optional(),
      position: z.object({ x: coordinate, y: coordinate }).strict().optional(),
    })
    .strict(),
  updateConcept: z
    .object({
      id: conceptId,
      label: labelSchema.optional(),
      category: categoryNameSchema.optional(),
      description: descriptionSchema.optional(),
    })
    .strict(),
  deleteConcept: z.object({ id: conceptId }).strict(),
  createLink: z
    .object({
      source: conceptId,
      target: conceptId,
      relation: relationSchema,
      note: linkNote.optional(),
    })
    .strict(),
  updateLink: z
    .object({ id: linkId, relation: relationSchema.optional(), note: linkNote.optional() })
    .strict(),
  deleteLink: z.object({ id: linkId }).strict(),
  saveNote: z.object({ id: conceptId, body: noteSchema }).strict(),
  setTags: z.object({ id: conceptId, tags: tagsSchema }).strict(),
  restoreOriginal: z.object({ id: conceptId }).strict(),
  undo: noArgs,
  redo: noArgs,
  getHistory: z.object({ limit: z.number().int().min(1).max(1_000).optional() }).strict(),
};

/**
 * One sentence naming the first thing wrong with an argument. Cairn's own rules
 * (src/shared/validation.ts) already speak in sentences and are passed through.
 */
export function describeIssue(method: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `The arguments of ${method} are not valid.`;
  if (/^[A-Z"].*\.$/.test(issue.message)) return issue.message;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  return `Invalid ${where} for ${method}: ${issue.message}.`;
}
