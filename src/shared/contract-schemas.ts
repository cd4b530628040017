// Runtime validation of every contract argument, used at each process boundary
// (IPC and HTTP). A schema must produce exactly the argument type of its method.
import { z } from 'zod';
import type { ArgsOf, CairnMethod } from './contract';
import { IMPORT_CONFLICT_KINDS } from './domain';
import { EXPORT_FORMATS, unknownExportFormat } from './export-formats';
import { MAX_ENTRIES } from './filters';
import { IMPORT_FORMATS, unknownImportFormat } from './import-formats';
import { LAYOUT_NAMES } from './layouts';
import { LIMITS } from './limits';
import { CATEGORY_SHAPES } from './palette';
import { PATH_LIMITS } from './paths';
import { VIEW_POSITIONS_LIMIT, type ViewSpec } from './saved-views';
import { COLOUR_BY, MEASURES, STRUCTURE_TOP_LIMIT } from './structure';
import {
  categoryNameSchema,
  descriptionSchema,
  labelSchema,
  noteSchema,
  relationSchema,
  tagsSchema,
  TEXT_LIMITS,
  viewNameSchema,
} from './validation';

const conceptId = z.string().min(1).max(LIMITS.idLength);
/** A moment, as ISO 8601 with its time zone (as the history writes them). */
const moment = z.iso.datetime({
  offset: true,
  message: 'A moment is written as ISO 8601, for example 2026-11-30T12:00:00Z.',
});
/** Where something starts in a note. */
const noteOffset = z.number().int().min(0).max(TEXT_LIMITS.note);
const facet = z
  .object({
    hidden: z.array(z.string().max(200)).max(MAX_ENTRIES),
    only: z.array(z.string().max(200)).max(MAX_ENTRIES),
  })
  .strict();
/** A GraphFilter (src/shared/filters.ts) as it crosses the boundary. */
export const filterSchema = z
  .object({
    categories: facet,
    relations: facet,
    origins: facet,
    importFiles: facet,
    tags: facet,
    note: z.enum(['any', 'with', 'without']),
    mine: z.boolean(),
  })
  .strict();
const noArgs = z.object({}).strict();
const coordinate = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);
const linkId = z.number().int().positive();
const positions = z
  .array(z.object({ id: conceptId, x: coordinate, y: coordinate }).strict())
  .max(LIMITS.positionsPerSave);
/** A graph file: an absolute path (POSIX or Windows) ending in .sqlite, .cairn or .db. */
const graphPath = z
  .string()
  .max(4_096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), {
    message: 'Give the full path of the graph file.',
  })
  .refine((p) => /\.(sqlite|cairn|db)$/i.test(p), {
    message: 'A graph file ends in .sqlite, .cairn or .db.',
  })
  .refine((p) => !p.includes('\0'), { message: 'A file path cannot contain a NUL character.' });
const linkNote = z
  .string()
  .max(5_000, { message: 'A link note can be at most 5,000 characters long.' });

const relationList = z.array(relationSchema).max(PATH_LIMITS.maxRelations);
const layoutName = z.enum(LAYOUT_NAMES, {
  error: (issue) => `Unknown layout "${String(issue.input).slice(0, 40)}".`,
});
const bounds = z
  .object({ x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate })
  .strict();
const focusIds = z.array(conceptId).max(1_000);

/**
 * A saved view's spec (src/shared/saved-views.ts), as it crosses the boundary and as it is
 * read back from a graph file or a Cairn JSON file, which may hold anything.
 */
export const viewSpecSchema: z.ZodType<ViewSpec> = z
  .object({
    filter: filterSchema,
    focus: z
      .object({
        ids: focusIds.min(1, { message: 'A local graph view needs a concept to focus on.' }),
        depth: z.number().int().min(1).max(LIMITS.neighbourhoodDepth),
        expanded: focusIds,
        showAll: focusIds,
      })
      .strict()
      .nullable(),
    layout: layoutName,
    styling: z.object({ sizeBy: z.enum(MEASURES), colourBy: z.enum(COLOUR_BY) }).strict(),
    positions: z
      .array(z.object({ id: conceptId, x: coordinate, y: coordinate }).strict())
      .max(VIEW_POSITIONS_LIMIT)
      .nullable(),
    camera: bounds.nullable(),
  })
  .strict();
const viewId = z.number().int().positive();

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
  savePositions: z.object({ positions }).strict(),
  getVocabulary: noArgs,
  getStructure: z
    .object({ top: z.number().int().min(1).max(STRUCTURE_TOP_LIMIT).optional() })
    .strict(),
  getGraphSummary: z.object({ filter: filterSchema }).strict(),
  getView: z
    .object({
      filter: filterSchema,
      bounds: bounds.optional(),
      tier: z.number().int().min(0).max(64).optional(),
      include: z.array(conceptId).max(1_000).optional(),
    })
    .strict(),
  getLocalGraph: z
    .object({
      focus: z
        .array(conceptId)
        .min(1, { message: 'Choose a concept for the local graph.' })
        .max(1_000),
      depth: z.number().int().min(1).max(LIMITS.neighbourhoodDepth),
      expanded: z.array(conceptId).max(1_000).optional(),
      showAll: z.array(conceptId).max(1_000).optional(),
      filter: filterSchema,
      perHub: z.number().int().min(1).max(LIMITS.neighbourhoodConcepts).optional(),
    })
    .strict(),
  getViewSettings: noArgs,
  resolveLabels: z
    .object({ labels: z.array(z.string().max(TEXT_LIMITS.label)).max(1_000) })
    .strict(),
  saveFilter: z.object({ filter: filterSchema }).strict(),
  listViews: noArgs,
  getSavedView: z.object({ id: viewId }).strict(),
  saveView: z.object({ name: viewNameSchema, spec: viewSpecSchema }).strict(),
  updateView: z.object({ id: viewId, spec: viewSpecSchema }).strict(),
  renameView: z.object({ id: viewId, name: viewNameSchema }).strict(),
  duplicateView: z.object({ id: viewId }).strict(),
  deleteView: z.object({ id: viewId }).strict(),
  moveConcepts: z.object({ positions }).strict(),
  applyLayout: z
    .object({
      name: layoutName,
      positions,
    })
    .strict(),
  placeUnplaced: noArgs,
  layoutWholeGraph: noArgs,
  getWholeLayoutProgress: noArgs,
  cancelWholeLayout: noArgs,
  setPinned: z
    .object({ ids: z.array(conceptId).min(1).max(LIMITS.positionsPerSave), pinned: z.boolean() })
    .strict(),
  findPaths: z
    .object({
      from: conceptId,
      to: conceptId,
      k: z.number().int().min(1).max(PATH_LIMITS.maxK).optional(),
      maxHops: z.number().int().min(1).max(PATH_LIMITS.maxHops).optional(),
      relations: relationList.optional(),
      avoid: relationList.optional(),
      directed: z.boolean().optional(),
      filter: filterSchema.optional(),
    })
    .strict(),
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
  getLinkSuggestions: z.object({ id: conceptId }).strict(),
  linkMentions: z
    .object({
      id: conceptId,
      target: conceptId,
      at: z.array(noteOffset).min(1).max(TEXT_LIMITS.note).optional(),
    })
    .strict(),
  dismissSuggestion: z
    .object({ source: conceptId, target: conceptId, relation: relationSchema })
    .strict(),
  restoreOriginal: z.object({ id: conceptId }).strict(),
  setCategoryStyle: z
    .object({
      id: z.string().min(1).max(LIMITS.idLength),
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, {
          message: 'A category colour is written #rrggbb, for example #1f77b4.',
        })
        .optional(),
      shape: z
        .enum(CATEGORY_SHAPES, {
          error: (issue) =>
            `"${String(issue.input).slice(0, 40)}" is not a shape: use one of ${CATEGORY_SHAPES.join(', ')}.`,
        })
        .optional(),
    })
    .strict()
    .refine((args) => args.color !== undefined || args.shape !== undefined, {
      message: 'Give a colour or a shape for the category.',
    }),
  undo: noArgs,
  redo: noArgs,
  getHistory: z.object({ limit: z.number().int().min(1).max(1_000).optional() }).strict(),
  getTimeline: noArgs,
  travelTo: z
    .object({ after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable() })
    .strict(),
  getChangesBetween: z
    .object({
      from: moment,
      to: moment.optional(),
      afterChange: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .strict(),
  exportGraph: z
    .object({
      format: z.enum(EXPORT_FORMATS, {
        error: (issue) => unknownExportFormat(String(issue.input)),
      }),
      conceptIds: z.array(conceptId).max(LIMITS.positionsPerSave).optional(),
    })
    .strict(),
  startImport: z
    .object({
      files: z
        .array(
          z
            .object({
              path: z.string().min(1).max(1_000),
              base64: z
                .string()
                .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'A file was not sent as base64.' }),
            })
            .strict(),
        )
        .min(1, { message: 'Choose a file or a folder to import.' })
        .max(100_000),
      format: z
        .enum(IMPORT_FORMATS, { error: (issue) => unknownImportFormat(String(issue.input)) })
        .optional(),
    })
    .strict(),
  getImportJob: z.object({ id: z.string().uuid() }).strict(),
  cancelImport: z.object({ id: z.string().uuid() }).strict(),
  confirmImport: z
    .object({
      id: z.string().uuid(),
      resolutions: z
        .object({
          choices: z
            .array(
              z
                .object({
                  kind: z.enum(IMPORT_CONFLICT_KINDS),
                  take: z.enum(['mine', 'theirs', 'each']),
                })
                .strict(),
            )
            .max(IMPORT_CONFLICT_KINDS.length),
          theirs: z
            .array(
              z
                .object({
                  kind: z.enum(IMPORT_CONFLICT_KINDS),
                  key: z.string().max(1_000),
                })
                .strict(),
            )
            .max(10_000),
        })
        .strict()
        .optional(),
    })
    .strict(),
  getRecentGraphs: noArgs,
  chooseGraphFile: z.object({ purpose: z.enum(['open', 'create']) }).strict(),
  openGraphFile: z.object({ path: graphPath }).strict(),
  createGraphFile: z.object({ path: graphPath, empty: z.boolean().optional() }).strict(),
};

/**
 * One sentence naming the first thing wrong with an argument. Cairn's own rules
 * (src/shared/validation.ts) already speak in sentences and are passed through.
 */
export function describeIssue(method: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `The arguments of ${method} are not valid.`;
  // `s`: a sentence is still one whatever line separator a quoted value might hold.
  if (/^[A-Z"].*\.$/s.test(issue.message)) return issue.message;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  return `Invalid ${where} for ${method}: ${issue.message}.`;
}
