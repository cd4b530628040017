import { normaliseHexColour, parseHexColour, textColourOn } from './colour';
import type { ExportGraph } from './export-model';

/** Longer labels are cut: a diagram is for reading, and Mermaid refuses input over 50,000 characters by default. */
export const MERMAID_LABEL_LIMIT = 80;

// Mermaid turns `#name;` and `#123;` into HTML entities; these characters are written that
// way so that none can end a quoted string, start markup or an edge label, or start an entity.
const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '\\': '#92;',
};

/** A quoted Mermaid label: one line, bounded, with Mermaid's entity escaping. */
export function mermaidText(value: string, limit = MERMAID_LABEL_LIMIT): string {
  let text = value
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const points = Array.from(text);
  if (points.length > limit) text = points.slice(0, limit - 1).join('') + '…';
  return `"${text.replace(/["#&<>|`[\]{}\\]/g, (c) => ENTITIES[c]!)}"`;
}

/**
 * A Mermaid flowchart. Node ids are generated (`n0`, `n1`, ...) because Mermaid ids cannot
 * hold most characters and some words (`end`, ids starting `o` or `x` after an arrow) change
 * the meaning of a line; the concept's label is the node text.
 */
export function writeMermaid(graph: ExportGraph, emit: (chunk: string) => void): void {
  const ids = new Map(graph.concepts.map((c, i) => [c.id, `n${i}`]));
  emit('flowchart LR\n');
  for (const c of graph.concepts) emit(`  ${ids.get(c.id)}[${mermaidText(c.label)}]\n`);
  for (const l of graph.links) {
    const source = ids.get(l.source);
    const target = ids.get(l.target);
    if (source && target) emit(`  ${source} -->|${mermaidText(l.relation)}| ${target}\n`);
  }
  graph.categories.forEach((category, i) => {
    const fill = normaliseHexColour(category.color);
    const members = graph.concepts.filter((c) => c.category === category.id);
    if (!fill || members.length === 0) return;
    const name = `cat${i}`;
    emit(
      `  classDef ${name} fill:${fill},stroke:#333333,color:${textColourOn(parseHexColour(fill)!)}\n`,
    );
    emit(`  class ${members.map((c) => ids.get(c.id)).join(',')} ${name}\n`);
  });
}
