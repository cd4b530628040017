import type { ExportGraph } from './export-model';

/** Cairn's own lossless format; the schema is documented in docs/formats.md. */
const CAIRN_JSON_FORMAT = 'cairn-graph';
const CAIRN_JSON_VERSION = 1;

export function writeCairnJson(
  graph: ExportGraph,
  emit: (chunk: string) => void,
  exportedAt = new Date(),
): void {
  // One concept or link per line: large graphs stay diffable and stream out in pieces.
  emit(
    `{\n  "format": ${JSON.stringify(CAIRN_JSON_FORMAT)},\n  "version": ${CAIRN_JSON_VERSION},\n`,
  );
  emit(`  "exportedAt": ${JSON.stringify(exportedAt.toISOString())},\n`);
  emit(
    `  "categories": [${graph.categories.map((c) => `\n    ${JSON.stringify(c)}`).join(',')}\n  ],\n`,
  );
  emit('  "concepts": [');
  graph.concepts.forEach((c, i) => emit(`${i === 0 ? '' : ','}\n    ${JSON.stringify(c)}`));
  emit('\n  ],\n  "links": [');
  graph.links.forEach((l, i) => emit(`${i === 0 ? '' : ','}\n    ${JSON.stringify(l)}`));
  emit('\n  ],\n  "views": [');
  graph.views.forEach((v, i) => emit(`${i === 0 ? '' : ','}\n    ${JSON.stringify(v)}`));
  emit('\n  ]\n}\n');
}
