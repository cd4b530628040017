import { parseHexColour, type Rgb } from './colour';
import {
  attributeValues,
  categoryLabels,
  declaredAttributes,
  type ExportGraph,
} from './export-model';
import { escapeXmlAttribute as attr } from './xml-text';

/**
 * GEXF 1.2 ("1.2draft") is the default: Gephi, networkx 2.x and 3.x, igraph and
 * graphology all read it, while networkx before 3.6 (Debian 12, Ubuntu 22.04) refuses
 * 1.3 with "No <graph> element", because its reader matches the namespace exactly.
 * GEXF 1.3, the current specification and what Gephi writes, stays an option. The two
 * differ here only in the namespaces and in the edge `kind`, which is new in 1.3.
 */
export type GexfVersion = '1.3' | '1.2';

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string; xsd: string }> = {
  '1.3': {
    gexf: 'http://gexf.net/1.3',
    viz: 'http://gexf.net/1.3/viz',
    xsd: 'http://gexf.net/1.3/gexf.xsd',
  },
  '1.2': {
    gexf: 'http://www.gexf.net/1.2draft',
    viz: 'http://www.gexf.net/1.2draft/viz',
    xsd: 'http://www.gexf.net/1.2draft/gexf.xsd',
  },
};

const NODE_ATTRIBUTES = ['category', 'description', 'origin', 'tags', 'note'] as const;
// `kind` marks the links a note's [[wikilinks]] make (see graphml.ts).
const EDGE_ATTRIBUTES = ['relation', 'origin', 'kind', 'note'] as const;

/** GEXF's names for the attribute types Cairn keeps. */
const GEXF_TYPES: Record<string, string> = {
  string: 'string',
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  float: 'float',
  double: 'double',
};

interface Declared {
  id: string;
  title: string;
  type: string;
}

function attributes(kind: 'node' | 'edge', declared: readonly Declared[]): string {
  const lines = declared.map(
    (d) =>
      `      <attribute id="${attr(d.id)}" title="${attr(d.title)}" type="${GEXF_TYPES[d.type] ?? 'string'}"/>\n`,
  );
  return `    <attributes class="${kind}" mode="static">\n${lines.join('')}    </attributes>\n`;
}

/** Cairn's own attributes, then the ones imports brought (ids a0, a1, …), with their types. */
function declare(own: readonly string[], items: Parameters<typeof declaredAttributes>[0]) {
  const extra = [...declaredAttributes(items)].map(([title, type], i) => ({
    id: `a${i}`,
    title,
    type,
  }));
  return {
    all: [...own.map((name) => ({ id: name, title: name, type: 'string' })), ...extra],
    extra,
  };
}

function extraValues(extra: readonly Declared[], values: Map<string, string>) {
  return Object.fromEntries(extra.map((d) => [d.id, values.get(d.title) ?? null]));
}

function attvalues(values: Record<string, string | null>): string {
  const present = Object.entries(values).filter(([, v]) => v !== null && v !== '');
  if (present.length === 0) return '';
  const lines = present.map(
    ([key, value]) => `          <attvalue for="${key}" value="${attr(value!)}"/>\n`,
  );
  return `        <attvalues>\n${lines.join('')}        </attvalues>\n`;
}

/** A number GEXF (xsd:float) accepts; stored positions are always finite. */
function coordinate(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

/** Nodes carry the label, the concept's fields as string attributes, the category colour and the stored position. */
export function writeGexf(
  graph: ExportGraph,
  emit: (chunk: string) => void,
  version: GexfVersion = '1.2',
): void {
  const ns = NAMESPACES[version];
  const colours = new Map<string, Rgb>();
  const categories = categoryLabels(graph);
  for (const category of graph.categories) {
    const rgb = parseHexColour(category.color);
    if (rgb) colours.set(category.id, rgb);
  }
  emit('<?xml version="1.0" encoding="UTF-8"?>\n');
  emit(
    `<gexf xmlns="${ns.gexf}" xmlns:viz="${ns.viz}" ` +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      `xsi:schemaLocation="${ns.gexf} ${ns.xsd}" version="${version}">\n`,
  );
  emit('  <meta>\n    <creator>Cairn</creator>\n  </meta>\n');
  emit('  <graph defaultedgetype="directed" mode="static">\n');
  const nodeAttributes = declare(NODE_ATTRIBUTES, graph.concepts);
  const edgeAttributes = declare(EDGE_ATTRIBUTES, graph.links);
  emit(attributes('node', nodeAttributes.all));
  emit(attributes('edge', edgeAttributes.all));
  emit('    <nodes>\n');
  for (const c of graph.concepts) {
    const rgb = colours.get(c.category);
    emit(
      `      <node id="${attr(c.id)}" label="${attr(c.label)}">\n` +
        attvalues({
          category: categories.get(c.category) ?? c.category,
          description: c.description,
          origin: c.origin,
          tags: c.tags.join(' '),
          note: c.note,
          ...(c.attributes ? extraValues(nodeAttributes.extra, attributeValues(c)) : {}),
        }) +
        (rgb ? `        <viz:color r="${rgb.r}" g="${rgb.g}" b="${rgb.b}"/>\n` : '') +
        (c.position
          ? `        <viz:position x="${coordinate(c.position.x)}" y="${coordinate(c.position.y)}" z="0"/>\n`
          : '') +
        '      </node>\n',
    );
  }
  emit('    </nodes>\n    <edges>\n');
  graph.links.forEach((l, index) => {
    // In 1.3, `kind` keeps two relations between the same pair apart in Gephi (it merges
    // parallel edges of one kind); 1.2 has no `kind`, so there the relation is the label only.
    const kind = version === '1.3' ? ` kind="${attr(l.relation)}"` : '';
    emit(
      `      <edge id="${index}" source="${attr(l.source)}" target="${attr(l.target)}" label="${attr(l.relation)}"${kind}>\n` +
        attvalues({
          relation: l.relation,
          origin: l.origin,
          kind: l.kind === 'mention' ? 'mention' : null,
          note: l.note,
          ...(l.attributes ? extraValues(edgeAttributes.extra, attributeValues(l)) : {}),
        }) +
        '      </edge>\n',
    );
  });
  emit('    </edges>\n  </graph>\n</gexf>\n');
}
