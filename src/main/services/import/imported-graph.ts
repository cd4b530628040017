import { z } from 'zod';
import { CairnError } from '../../../shared/errors';
import {
  categoryNameSchema,
  descriptionSchema,
  labelSchema,
  MENTIONS_RELATION,
  noteSchema,
  relationSchema,
  tagSchema,
} from '../../../shared/validation';

/** A graph read from a file, before it is merged: ids are the file's own. */
export interface ImportedGraph {
  format: string;
  categories: ImportedCategory[];
  concepts: ImportedConcept[];
  links: ImportedLink[];
  /** Things worth telling the user that did not stop the import. */
  warnings: string[];
}

export interface ImportedCategory {
  id: string;
  label: string;
  color: string | null;
}

export interface ImportedConcept {
  /** The concept's id in the file (or its label where the format has no ids). */
  key: string;
  label: string;
  /** A category id or label, or null for none. */
  category: string | null;
  description: string;
  note: string;
  tags: string[];
  position: { x: number; y: number } | null;
  /** 1-based line in the file where the concept is defined, for messages. */
  line: number;
}

export interface ImportedLink {
  source: string;
  target: string;
  relation: string;
  note: string | null;
  kind: 'typed' | 'mention';
  line: number;
}

/** The relation of a link whose file gives none (plain edge lists, networkx graphs). */
const DEFAULT_RELATION = 'related to';

/**
 * The relation of the link from a node inside a group (a yEd group node's nested graph,
 * GEXF's nested nodes or `pid`) to its group: hierarchies are flattened into links.
 */
export const GROUP_RELATION = 'part of';

/** The report's sentence for concepts that were nested in groups. */
export function groupedWarning(count: number, where: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'concept was' : 'concepts were'} ${where}: the hierarchy was flattened, and each has a “${GROUP_RELATION}” link to its group.`;
}

/** An error in an imported file: one sentence naming the file and the line. */
export function importError(file: string, line: number | null, message: string): CairnError {
  const where = line === null ? file : `${file}, line ${line}`;
  return new CairnError('invalid-argument', `${where}: ${message.replace(/\.$/, '')}.`);
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw importError(file, line, result.error.issues[0]?.message ?? 'invalid value');
  return result.data;
}

const MAX_KEY_LENGTH = 500;

/**
 * Validates one concept as read from a file with the rules the app applies to
 * what a person types, so an import can never store what the app would refuse.
 */
export function importedConcept(
  file: string,
  line: number,
  raw: {
    key: string;
    label?: string | null;
    category?: string | null;
    description?: string | null;
    note?: string | null;
    tags?: readonly string[];
    position?: { x: number; y: number } | null;
  },
): ImportedConcept {
  if (raw.key.length === 0) throw importError(file, line, 'a concept has an empty id');
  if (raw.key.length > MAX_KEY_LENGTH) {
    throw importError(
      file,
      line,
      `a concept id is ${raw.key.length.toLocaleString('en')} characters long; at most ${MAX_KEY_LENGTH} are allowed`,
    );
  }
  // A node without a label is named by its id, as networkx and igraph files often are.
  const label = check(labelSchema, raw.label?.trim() ? raw.label : raw.key, file, line);
  const category = raw.category?.trim()
    ? check(categoryNameSchema, raw.category, file, line)
    : null;
  const position =
    raw.position &&
    Number.isFinite(raw.position.x) &&
    Number.isFinite(raw.position.y) &&
    Math.abs(raw.position.x) < 1e7 &&
    Math.abs(raw.position.y) < 1e7
      ? raw.position
      : null;
  return {
    key: raw.key,
    label,
    category,
    description: check(descriptionSchema, raw.description ?? '', file, line),
    note: check(noteSchema, raw.note ?? '', file, line),
    tags: [
      ...new Set(
        (raw.tags ?? [])
          .filter((t) => t.trim().length > 0)
          .map((t) => check(tagSchema, t, file, line)),
      ),
    ],
    position,
    line,
  };
}

export function importedLink(
  file: string,
  line: number,
  raw: {
    source: string;
    target: string;
    relation?: string | null;
    note?: string | null;
    kind?: 'typed' | 'mention';
  },
): ImportedLink {
  if (!raw.source) throw importError(file, line, 'a link has no source');
  if (!raw.target) throw importError(file, line, 'a link has no target');
  const relation = raw.relation?.trim()
    ? check(relationSchema, raw.relation, file, line)
    : DEFAULT_RELATION;
  // Formats without a link kind carry [[wikilink]] mentions as the reserved relation.
  const kind =
    raw.kind ?? (relation.toLocaleLowerCase('en') === MENTIONS_RELATION ? 'mention' : 'typed');
  const note = raw.note?.trim() ? check(descriptionSchema, raw.note, file, line) : null;
  return { source: raw.source, target: raw.target, relation, note, kind, line };
}
