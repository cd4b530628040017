import { parseHexColour, textColourOn } from './colour';
import type { ExportGraph } from './export-model';

// Characters that cannot reach an SVG or PNG renderer intact: the C0 controls other than
// newline, and lone surrogates. They are replaced, visibly, as in the XML formats.
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000B-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A double-quoted DOT string. Quoted, it is never a keyword or an HTML-like `<...>` label.
 * Backslashes are doubled, so Graphviz's escapes (`\N`, `\l`, ...) are shown, not expanded;
 * a newline becomes `\n`, which Graphviz draws as a line break in a label.
 */
export function dotString(value: string): string {
  const clean = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNPRINTABLE, '\uFFFD');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A Graphviz digraph: concepts as filled boxes in their category colour, links labelled with the relation. */
export function writeDot(graph: ExportGraph, emit: (chunk: string) => void): void {
  const colours = new Map<string, { fill: string; font: string }>();
  for (const category of graph.categories) {
    const rgb = parseHexColour(category.color);
    if (rgb) {
      const fill = '#' + [rgb.r, rgb.g, rgb.b].map((n) => n.toString(16).padStart(2, '0')).join('');
      colours.set(category.id, { fill, font: textColourOn(rgb) });
    }
  }
  emit('digraph "Cairn" {\n');
  emit('  graph [rankdir=LR, overlap=false, splines=true, charset="UTF-8"];\n');
  emit('  node [shape=box, style="rounded,filled", fillcolor="#eeeeee", fontname="Helvetica"];\n');
  emit('  edge [fontname="Helvetica", fontsize=10];\n');
  for (const c of graph.concepts) {
    const colour = colours.get(c.category);
    const attributes = [
      `label=${dotString(c.label)}`,
      ...(colour ? [`fillcolor="${colour.fill}"`, `fontcolor="${colour.font}"`] : []),
      `tooltip=${dotString(c.description || c.label)}`,
    ];
    emit(`  ${dotString(c.id)} [${attributes.join(', ')}];\n`);
  }
  for (const l of graph.links) {
    emit(`  ${dotString(l.source)} -> ${dotString(l.target)} [label=${dotString(l.relation)}];\n`);
  }
  emit('}\n');
}
