import type { Node as JsonNode } from 'jsonc-parser';
import { importError } from './imported-graph';
import type { LineIndex } from './line-index';

// The keys of a JSON import file, checked before anything in it is read.

/** Keys that would reach an object's prototype if copied naively; never accepted. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses the keys Cairn never reads (they name Object.prototype), and a key given twice
 * in one object with two different values: JSON.parse would keep the last and this
 * reader the first, so either way one value would vanish without a word. The same value
 * twice loses nothing and is let through.
 */
export function checkJsonKeys(root: JsonNode, text: string, lines: LineIndex, file: string): void {
  const stack = [root];
  const source = (node: JsonNode | undefined) =>
    node ? text.slice(node.offset, node.offset + node.length) : '';
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'property') {
      const key = current.children?.[0]?.value as string;
      if (FORBIDDEN_KEYS.has(key))
        throw importError(file, lines.lineOf(current.offset), `the key "${key}" is not allowed`);
    }
    if (current.type === 'object' && (current.children?.length ?? 0) > 1) {
      // Values are compared as text, and only when a key repeats.
      const seen = new Map<string, JsonNode | undefined>();
      for (const property of current.children!) {
        const key = property.children?.[0]?.value as string;
        const value = property.children?.[1];
        if (seen.has(key) && source(seen.get(key)) !== source(value))
          throw importError(
            file,
            lines.lineOf(property.offset),
            `the key "${key.slice(0, 60)}" is given twice in one object, with two different values`,
          );
        seen.set(key, value);
      }
    }
    if (current.children) for (const child of current.children) stack.push(child);
  }
}
