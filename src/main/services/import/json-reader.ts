import {
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import {
  importedConcept,
  importedLink,
  importError,
  type ImportedCategory,
  type ImportedGraph,
} from './imported-graph';
import { LineIndex } from './line-index';

// Reads Cairn's own JSON and Cytoscape.js JSON from a syntax tree that knows where
// every value is, so a message can name the line of the concept or link at fault.

/** Keys that would reach an object's prototype if copied naively; never accepted. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
  rejectForbiddenKeys(root, lines, file);
  return { root, lines };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function rejectForbiddenKeys(node: JsonNode, lines: LineIndex, file: string): void {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'property') {
      const key = current.children?.[0]?.value as string;
      if (FORBIDDEN_KEYS.has(key))
        throw importError(file, lines.lineOf(current.offset), `the key "${key}" is not allowed`);
    }
    if (current.children) for (const child of current.children) stack.push(child);
  }
}

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
  const categories: ImportedCategory[] = r
    .array(property(root, 'categories'), 'categories')
    .map((node) => {
      r.object(node, 'a category');
      const color = r.string(property(node, 'color'), 'a category colour', node);
      return {
        id: r.requiredString(property(node, 'id'), 'a category id', node),
        label: r.requiredString(property(node, 'label'), 'a category label', node),
        color: color && /^#[0-9a-f]{6}$/i.test(color) ? color : null,
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
    });
  });
  return { format: 'json', categories, concepts, links, warnings: [] };
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
  const first = (data: JsonNode, keys: string[]) =>
    keys.map((k) => property(data, k)).find((v) => v !== undefined);
  const concepts = nodes.map((node) => {
    const data = dataOf(node);
    return importedConcept(file, r.line(node), {
      key: r.requiredString(property(data, 'id'), 'the node id', node),
      label: r.string(first(data, ['label', 'name', 'shared name']), 'the label', node),
      category: r.string(
        first(data, ['categoryLabel', 'category', 'type', 'group']),
        'the category',
        node,
      ),
      description: r.string(property(data, 'description'), 'the description', node),
      note: r.string(property(data, 'note'), 'the note', node),
      tags: r.tags(property(data, 'tags'), node),
      position: r.position(property(node, 'position')),
    });
  });
  const links = edges.map((node) => {
    const data = dataOf(node);
    return importedLink(file, r.line(node), {
      source: r.requiredString(property(data, 'source'), 'the edge source', node),
      target: r.requiredString(property(data, 'target'), 'the edge target', node),
      relation: r.string(
        first(data, ['relation', 'label', 'interaction', 'name']),
        'the relation',
        node,
      ),
      note: r.string(property(data, 'note'), 'the note', node),
      kind: property(data, 'kind')?.value === 'mention' ? 'mention' : undefined,
    });
  });
  return { format: 'cytoscape', categories: [], concepts, links, warnings: [] };
}
