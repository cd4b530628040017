import {
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { isCategoryShape } from '../../../shared/palette';
import {
  ATTRIBUTE_TYPES,
  importedAttribute,
  importedConcept,
  importedLink,
  importError,
  type AttributeType,
  type ImportedAttribute,
  type ImportedCategory,
  type ImportedGraph,
} from './imported-graph';
import { importedView } from './json-views';
import { checkJsonKeys } from './json-keys';
import { LineIndex } from './line-index';

// Reads Cairn's own JSON and Cytoscape.js JSON from a syntax tree that knows where
// every value is, so a message can name the line of the concept or link at fault.

/** A JSON document's syntax tree, with the line index its messages use. */
export interface JsonTree {
  root: JsonNode;
  lines: LineIndex;
}

export function parseJsonTree(text: string, file: string): JsonTree {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lines = new LineIndex(text);
  const first = errors[0];
  if (first)
    throw importError(
      file,
      lines.lineOf(first.offset),
      `the JSON is malformed (${describeJsonError(printParseErrorCode(first.error))})`,
    );
  if (!root) throw importError(file, 1, 'the file holds no JSON');
  checkJsonKeys(root, text, lines, file);
  return { root, lines };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const ORIGINS = ['seed', 'user', 'import'];
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** What Cairn's format writes for a concept and a link; any other property is an attribute. */
const CAIRN_CONCEPT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'label',
  'category',
  'description',
  'origin',
  'provenance',
  'note',
  'tags',
  'createdAt',
  'updatedAt',
  'position',
  'attributes',
]);
const CAIRN_LINK_FIELDS: ReadonlySet<string> = new Set([
  'source',
  'target',
  'relation',
  'origin',
  'kind',
  'note',
  'attributes',
]);

/** A JSON value read from the tree without ever assigning to an object's prototype. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function valueOf(node: JsonNode): Json {
  switch (node.type) {
    case 'object': {
      const object: { [key: string]: Json } = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) object[key.value as string] = valueOf(value);
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value as Json;
  }
}

function property(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}

class Reader {
  constructor(
    readonly lines: LineIndex,
    readonly file: string,
  ) {}

  line(node: JsonNode): number {
    return this.lines.lineOf(node.offset);
  }

  string(node: JsonNode | undefined, what: string, where: JsonNode): string | null {
    if (node === undefined || node.type === 'null') return null;
    if (node.type === 'string') return node.value as string;
    if (node.type === 'number' || node.type === 'boolean') return String(node.value);
    throw importError(this.file, this.line(node ?? where), `${what} must be text`);
  }

  requiredString(node: JsonNode | undefined, what: string, where: JsonNode): string {
    const value = this.string(node, what, where);
    if (value === null) throw importError(this.file, this.line(where), `${what} is missing`);
    return value;
  }

  array(node: JsonNode | undefined, what: string): JsonNode[] {
    if (node === undefined) return [];
    if (node.type !== 'array')
      throw importError(this.file, this.line(node), `${what} must be a list`);
    return node.children ?? [];
  }

  object(node: JsonNode, what: string): JsonNode {
    if (node.type !== 'object')
      throw importError(this.file, this.line(node), `${what} must be an object`);
    return node;
  }

  tags(node: JsonNode | undefined, where: JsonNode): string[] {
    if (node === undefined || node.type === 'null') return [];
    if (node.type === 'string') return (node.value as string).split(/[\s,]+/);
    return this.array(node, 'tags').map((t) => this.requiredString(t, 'a tag', where));
  }

  /**
   * The properties of `node` that fill no field, as attributes: numbers and booleans
   * keep their type, text is text, and a list or an object is kept as its JSON.
   */
  extraAttributes(node: JsonNode, fields: ReadonlySet<string>, where: JsonNode) {
    const attributes: ImportedAttribute[] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      const name = key?.value as string;
      if (!value || fields.has(name) || value.type === 'null') continue;
      const type: AttributeType =
        value.type === 'boolean'
          ? 'boolean'
          : value.type === 'number'
            ? Number.isInteger(value.value)
              ? 'long'
              : 'double'
            : 'string';
      const text =
        value.type === 'object' || value.type === 'array'
          ? JSON.stringify(valueOf(value))
          : String(value.value);
      if (text === '') continue;
      attributes.push(importedAttribute(this.file, this.line(where), name, type, text));
    }
    return attributes;
  }

  /** The attributes Cairn's own format lists: `[{ "name", "type", "value" }]`. */
  listedAttributes(node: JsonNode | undefined, where: JsonNode) {
    return this.array(node, 'attributes').map((item) => {
      this.object(item, 'an attribute');
      const type = this.string(property(item, 'type'), 'the attribute type', where) ?? 'string';
      return importedAttribute(
        this.file,
        this.line(item),
        this.requiredString(property(item, 'name'), 'the attribute name', item),
        (ATTRIBUTE_TYPES as readonly string[]).includes(type) ? (type as AttributeType) : 'string',
        this.requiredString(property(item, 'value'), 'the attribute value', item),
      );
    });
  }

  position(node: JsonNode | undefined): { x: number; y: number } | null {
    if (node?.type !== 'object') return null;
    const value = valueOf(node) as { x?: unknown; y?: unknown };
    return typeof value.x === 'number' && typeof value.y === 'number'
      ? { x: value.x, y: value.y }
      : null;
  }
}

/** Cairn's own format (docs/formats.md), version 1. */
export function readCairnJson({ root, lines }: JsonTree, file: string): ImportedGraph {
  const r = new Reader(lines, file);
  r.object(root, 'the document');
  const version = property(root, 'version');
  if (version?.value !== 1) {
    throw importError(
      file,
      r.line(version ?? root),
      `this is version ${String(version?.value ?? 'unknown')} of Cairn's format; this Cairn reads version 1`,
    );
  }
  const warnings: string[] = [];
  const categories: ImportedCategory[] = r
    .array(property(root, 'categories'), 'categories')
    .map((node) => {
      r.object(node, 'a category');
      const id = r.requiredString(property(node, 'id'), 'a category id', node);
      const label = r.requiredString(property(node, 'label'), 'a category label', node);
      const color = r.string(property(node, 'color'), 'a category colour', node);
      const shape = r.string(property(node, 'shape'), 'a category shape', node);
      // A colour or shape this Cairn cannot draw is left out, and said so: a new
      // category then takes the next free colour and shape.
      const unkept = (what: string, value: string, why: string) =>
        warnings.push(
          `${file}, line ${r.line(node)}: the category "${label.slice(0, 80)}" has the ${what} "${value.slice(0, 40)}", which ${why}, so it was not kept.`,
        );
      if (color && !HEX_COLOUR.test(color)) unkept('colour', color, 'is not written #rrggbb');
      if (shape && !isCategoryShape(shape)) unkept('shape', shape, 'this Cairn does not draw');
      return {
        id,
        label,
        color: color && HEX_COLOUR.test(color) ? color : null,
        shape: shape && isCategoryShape(shape) ? shape : null,
      };
    });
  const concepts = r.array(property(root, 'concepts'), 'concepts').map((node) => {
    r.object(node, 'a concept');
    return importedConcept(file, r.line(node), {
      key: r.requiredString(property(node, 'id'), 'the concept id', node),
      label: r.string(property(node, 'label'), 'the label', node),
      category: r.string(property(node, 'category'), 'the category', node),
      description: r.string(property(node, 'description'), 'the description', node),
      note: r.string(property(node, 'note'), 'the note', node),
      tags: r.tags(property(node, 'tags'), node),
      position: r.position(property(node, 'position')),
      attributes: [
        ...r.listedAttributes(property(node, 'attributes'), node),
        ...r.extraAttributes(node, CAIRN_CONCEPT_FIELDS, node),
      ],
    });
  });
  const links = r.array(property(root, 'links'), 'links').map((node) => {
    r.object(node, 'a link');
    const kind = r.string(property(node, 'kind'), 'the link kind', node);
    return importedLink(file, r.line(node), {
      source: r.requiredString(property(node, 'source'), 'the source', node),
      target: r.requiredString(property(node, 'target'), 'the target', node),
      relation: r.string(property(node, 'relation'), 'the relation', node),
      note: r.string(property(node, 'note'), 'the note', node),
      kind: kind === 'mention' || kind === 'typed' ? kind : undefined,
      attributes: [
        ...r.listedAttributes(property(node, 'attributes'), node),
        ...r.extraAttributes(node, CAIRN_LINK_FIELDS, node),
      ],
    });
  });
  const views = r.array(property(root, 'views'), 'views').flatMap((node) => {
    const view = importedView(file, r.line(node), valueOf(node));
    if (typeof view === 'string') warnings.push(view);
    return typeof view === 'string' ? [] : [view];
  });
  return { format: 'json', categories, concepts, links, views, warnings };
}

/**
 * Cytoscape.js elements: `{ elements: { nodes, edges } }`, `{ elements: [...] }` or a
 * bare array of elements with `group`. Data fields follow Cytoscape desktop's names too.
 */
export function readCytoscapeJson({ root, lines }: JsonTree, file: string): ImportedGraph {
  const r = new Reader(lines, file);
  const elements = root.type === 'array' ? root : property(root, 'elements');
  if (!elements)
    throw importError(file, 1, 'there is no "elements" list: this is not Cytoscape.js JSON');
  let nodes: JsonNode[];
  let edges: JsonNode[];
  if (elements.type === 'object') {
    nodes = r.array(property(elements, 'nodes'), 'elements.nodes');
    edges = r.array(property(elements, 'edges'), 'elements.edges');
  } else {
    const all = r.array(elements, 'elements');
    const group = (n: JsonNode) =>
      (property(n, 'group')?.value ??
        (property(property(n, 'data'), 'source') ? 'edges' : 'nodes')) as string;
    nodes = all.filter((n) => group(n) === 'nodes');
    edges = all.filter((n) => group(n) === 'edges');
  }
  const dataOf = (node: JsonNode) => {
    r.object(node, 'an element');
    const data = property(node, 'data');
    if (!data) throw importError(file, r.line(node), 'an element has no "data"');
    return r.object(data, 'the element data');
  };
  // Cairn's own export repeats the category id and the relation, and draws with `color`.
  const byCairn = property(root, 'generated_by')?.value === 'Cairn';
  /** The first key present, and every key it read, so that the rest become attributes. */
  const first = (data: JsonNode, keys: string[], used: Set<string>) => {
    for (const key of keys) {
      const value = property(data, key);
      if (value !== undefined && value.type !== 'null') {
        used.add(key);
        return value;
      }
    }
    return undefined;
  };
  const marker = (data: JsonNode, key: string, allowed: string[], used: Set<string>) => {
    const value = property(data, key)?.value;
    if (typeof value === 'string' && allowed.includes(value)) {
      used.add(key);
      return value;
    }
    return null;
  };
  // Cairn's own export draws each node with its category's colour and shape: those are
  // the category's, declared once (by its label, as the concepts name it), not attributes.
  const categories = new Map<string, ImportedCategory>();
  const concepts = nodes.map((node) => {
    const data = dataOf(node);
    const used = new Set(['id', 'description', 'note', 'tags']);
    if (byCairn) for (const key of ['category', 'color', 'shape']) used.add(key);
    marker(data, 'origin', ORIGINS, used);
    const category = r.string(
      first(data, ['categoryLabel', 'category', 'type', 'group'], used),
      'the category',
      node,
    );
    if (byCairn && category !== null && !categories.has(category)) {
      const color = r.string(property(data, 'color'), 'the colour', node);
      const shape = r.string(property(data, 'shape'), 'the shape', node);
      categories.set(category, {
        id: category,
        label: category,
        color: color && HEX_COLOUR.test(color) ? color : null,
        shape: shape && isCategoryShape(shape) ? shape : null,
      });
    }
    return importedConcept(file, r.line(node), {
      key: r.requiredString(property(data, 'id'), 'the node id', node),
      label: r.string(first(data, ['label', 'name', 'shared name'], used), 'the label', node),
      category,
      description: r.string(property(data, 'description'), 'the description', node),
      note: r.string(property(data, 'note'), 'the note', node),
      tags: r.tags(property(data, 'tags'), node),
      position: r.position(property(node, 'position')),
      attributes: r.extraAttributes(data, used, node),
    });
  });
  const links = edges.map((node) => {
    const data = dataOf(node);
    const used = new Set(['id', 'source', 'target', 'note']);
    if (byCairn) used.add('label');
    marker(data, 'origin', ORIGINS, used);
    const kind = marker(data, 'kind', ['typed', 'mention'], used);
    return importedLink(file, r.line(node), {
      source: r.requiredString(property(data, 'source'), 'the edge source', node),
      target: r.requiredString(property(data, 'target'), 'the edge target', node),
      relation: r.string(
        first(data, ['relation', 'label', 'interaction', 'name'], used),
        'the relation',
        node,
      ),
      note: r.string(property(data, 'note'), 'the note', node),
      kind: kind === 'mention' ? 'mention' : undefined,
      attributes: r.extraAttributes(data, used, node),
    });
  });
  return {
    format: 'cytoscape',
    categories: [...categories.values()],
    concepts,
    links,
    warnings: [],
  };
}
