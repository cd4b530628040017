import { z } from 'zod';
import { CairnError } from '../../../shared/errors';
import { findControlCharacter } from '../../../shared/control-characters';
import { ATTRIBUTE_TYPES, type AttributeType } from '../../../shared/domain';
import type { CategoryShape } from '../../../shared/palette';
import type { ViewSpec } from '../../../shared/saved-views';
import {
  categoryNameSchema,
  descriptionSchema,
  labelSchema,
  noteSchema,
  relationSchema,
  tagSchema,
  TEXT_LIMITS,
} from '../../../shared/validation';

/** A graph read from a file, before it is merged: ids are the file's own. */
/** A saved view from Cairn's JSON, already checked: its spec names the file's concept ids. */
export interface ImportedView {
  name: string;
  spec: ViewSpec;
  line: number;
}

export interface ImportedGraph {
  format: string;
  categories: ImportedCategory[];
  concepts: ImportedConcept[];
  links: ImportedLink[];
  /** Saved views (Cairn's JSON only). */
  views?: ImportedView[];
  /** Things worth telling the user that did not stop the import. */
  warnings: string[];
}

/**
 * Where a reader hands what it reads, item by item, so a large file can be merged as
 * it streams in (see apply-import.ts) or collected into an ImportedGraph.
 */
export interface ImportSink {
  category(category: ImportedCategory): void;
  concept(concept: ImportedConcept): void;
  link(link: ImportedLink): void;
  view(view: ImportedView): void;
  warning(warning: string): void;
}

/** A sink that keeps everything, for a preview or a test. */
export function collectGraph(format: string): { graph: ImportedGraph; sink: ImportSink } {
  const graph: ImportedGraph = { format, categories: [], concepts: [], links: [], warnings: [] };
  return {
    graph,
    sink: {
      category: (c) => void graph.categories.push(c),
      concept: (c) => void graph.concepts.push(c),
      link: (l) => void graph.links.push(l),
      view: (v) => void (graph.views ??= []).push(v),
      warning: (w) => void graph.warnings.push(w),
    },
  };
}

/** Hands a whole graph to a sink, in the order a reader would. */
export function replayGraph(graph: ImportedGraph, sink: ImportSink): void {
  for (const c of graph.categories) sink.category(c);
  for (const c of graph.concepts) sink.concept(c);
  for (const l of graph.links) sink.link(l);
  for (const v of graph.views ?? []) sink.view(v);
  for (const w of graph.warnings) sink.warning(w);
}

export { ATTRIBUTE_TYPES, type AttributeType };

/** A value Cairn has no field for (a Gephi `weight`, a CSV column), kept as it was. */
export interface ImportedAttribute {
  name: string;
  type: AttributeType;
  value: string;
}

export interface ImportedCategory {
  id: string;
  label: string;
  color: string | null;
  /** Cairn's JSON carries the node shape too. */
  shape?: CategoryShape | null;
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
  attributes: ImportedAttribute[];
  /** 1-based line in the file where the concept is defined, for messages. */
  line: number;
}

export interface ImportedLink {
  source: string;
  target: string;
  relation: string;
  note: string | null;
  kind: 'typed' | 'mention';
  attributes: ImportedAttribute[];
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

// Plain printable ASCII without surrounding spaces passes every text rule below but the
// length limits, so the common case skips zod (a 100,000-node file has 300,000 such values).
const PLAIN_TEXT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

function checkName<T extends string>(
  schema: z.ZodType<T>,
  max: number,
  value: string,
  file: string,
  line: number,
): T {
  if (value.length <= max && PLAIN_TEXT.test(value)) return value as T;
  return check(schema, value, file, line);
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
    attributes?: ImportedAttribute[];
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
  const label = checkName(
    labelSchema,
    TEXT_LIMITS.label,
    raw.label?.trim() ? raw.label : raw.key,
    file,
    line,
  );
  const category = raw.category?.trim()
    ? checkName(categoryNameSchema, 80, raw.category, file, line)
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
    description: plainDescription(raw.description ?? '', file, line),
    note: raw.note ? check(noteSchema, raw.note, file, line) : '',
    tags:
      raw.tags && raw.tags.length > 0
        ? [
            ...new Set(
              raw.tags
                .filter((t) => t.trim().length > 0)
                .map((t) => check(tagSchema, t, file, line)),
            ),
          ]
        : [],
    position,
    attributes: distinctAttributes(
      raw.attributes ?? [],
      `concept "${raw.key.slice(0, 60)}"`,
      file,
      line,
    ),
    line,
  };
}

/**
 * A concept's or a link's attributes, one per name. The same value given twice is kept
 * once; two different values for one name cannot both be kept, so the import says so
 * rather than keep one at random (the fuzzer found names that a file's own fields and
 * its attribute list both gave, and names equal once trimmed).
 */
function distinctAttributes(
  attributes: ImportedAttribute[],
  owner: string,
  file: string,
  line: number,
): ImportedAttribute[] {
  if (attributes.length < 2) return attributes;
  const byName = new Map<string, ImportedAttribute>();
  for (const attribute of attributes) {
    const earlier = byName.get(attribute.name);
    if (!earlier) byName.set(attribute.name, attribute);
    else if (earlier.value !== attribute.value || earlier.type !== attribute.type)
      throw importError(
        file,
        line,
        `the ${owner} gives the attribute "${attribute.name.slice(0, 60)}" two different values`,
      );
  }
  return byName.size === attributes.length ? attributes : [...byName.values()];
}

function plainDescription(value: string, file: string, line: number): string {
  if (value === '') return '';
  if (value.length <= TEXT_LIMITS.description && PLAIN_TEXT.test(value)) return value;
  return check(descriptionSchema, value, file, line);
}

const MAX_ATTRIBUTE_NAME = 200;
const MAX_ATTRIBUTE_VALUE = 10_000;

/**
 * Checks an attribute that Cairn keeps as it is: a one-line name without control
 * characters, a bounded value. A value that does not read as its declared number or
 * boolean type is kept as a string.
 */
export function importedAttribute(
  file: string,
  line: number,
  name: string,
  type: AttributeType,
  value: string,
): ImportedAttribute {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_ATTRIBUTE_NAME || findControlCharacter(trimmed))
    throw importError(
      file,
      line,
      `the attribute name "${trimmed.slice(0, 60)}" is empty, longer than ${MAX_ATTRIBUTE_NAME} characters or holds control characters`,
    );
  if (value.length > MAX_ATTRIBUTE_VALUE)
    throw importError(
      file,
      line,
      `the value of the attribute "${trimmed.slice(0, 60)}" is ${value.length.toLocaleString('en')} characters long; at most ${MAX_ATTRIBUTE_VALUE.toLocaleString('en')} are allowed`,
    );
  return { name: trimmed, type: valueFits(type, value) ? type : 'string', value };
}

function valueFits(type: AttributeType, value: string): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'boolean':
      return /^(true|false)$/i.test(value.trim());
    case 'int':
    case 'long':
      return /^\s*[+-]?\d+\s*$/.test(value);
    default:
      return value.trim() !== '' && !Number.isNaN(Number(value));
  }
}

/** The attribute type of GraphML's `attr.type` or GEXF's attribute `type`; anything else is text. */
export function attributeType(declared: string | undefined): AttributeType {
  switch (declared?.toLowerCase()) {
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'integer':
    case 'short':
    case 'byte':
      return 'int';
    case 'long':
    case 'biginteger':
      return 'long';
    case 'float':
      return 'float';
    case 'double':
    case 'bigdecimal':
      return 'double';
    default:
      return 'string';
  }
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
    attributes?: ImportedAttribute[];
  },
): ImportedLink {
  if (!raw.source) throw importError(file, line, 'a link has no source');
  if (!raw.target) throw importError(file, line, 'a link has no target');
  const relation = raw.relation?.trim()
    ? checkName(relationSchema, TEXT_LIMITS.relation, raw.relation, file, line)
    : DEFAULT_RELATION;
  // Only a file's own word makes a link a note's mention (Cairn's exports write kind
  // "mention"): a relation that happens to be called "mentions" is an ordinary link.
  const kind = raw.kind ?? 'typed';
  const note = raw.note?.trim() ? check(descriptionSchema, raw.note, file, line) : null;
  return {
    source: raw.source,
    target: raw.target,
    relation,
    note,
    kind,
    attributes: distinctAttributes(
      raw.attributes ?? [],
      `link from "${raw.source.slice(0, 60)}" to "${raw.target.slice(0, 60)}"`,
      file,
      line,
    ),
    line,
  };
}
