import {
  importedConcept,
  importedLink,
  importError,
  type ImportedConcept,
  type ImportedGraph,
  type ImportedLink,
} from './imported-graph';
import type { TextStreamOptions } from './read-text';
import { localName, parseXmlFile } from './xml-stream';

// GEXF 1.1, 1.2 and 1.3 (Gephi, networkx): declared attributes map ids to titles,
// <attvalue for|id=… value=…> carries them, viz:position gives a layout.

const CATEGORY_TITLES = ['category', 'type', 'group', 'class', 'modularity_class'];
const DESCRIPTION_TITLES = ['description', 'desc'];
const RELATION_TITLES = ['relation', 'label', 'type', 'relationship'];

interface Element {
  id: string;
  line: number;
  label: string | null;
  values: Map<string, string>;
  position: { x: number; y: number } | null;
  source?: string;
  target?: string;
}

export async function readGexf(
  path: string,
  file: string,
  options: TextStreamOptions = {},
): Promise<ImportedGraph> {
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const concepts: ImportedConcept[] = [];
  const links: ImportedLink[] = [];
  const warnings: string[] = [];
  let attributeClass: 'node' | 'edge' = 'node';
  let attribute: string | null = null;
  let text = '';
  let current: Element | null = null;
  let currentKind: 'node' | 'edge' = 'node';

  const value = (element: Element, kind: 'node' | 'edge', names: string[]) => {
    for (const [id, title] of titles[kind]) {
      if (!names.includes(title.toLowerCase())) continue;
      const v = element.values.get(id) ?? defaults[kind].get(id);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return null;
  };

  await parseXmlFile(
    path,
    file,
    { root: 'gexf', name: 'GEXF' },
    {
      open(name, attrs, line) {
        const local = localName(name);
        switch (local) {
          case 'graph':
            if (attrs.defaultedgetype === 'undirected') {
              warnings.push(
                'The graph is undirected: each edge was read as a link from its source to its target.',
              );
            }
            break;
          case 'attributes':
            attributeClass = attrs.class === 'edge' ? 'edge' : 'node';
            break;
          case 'attribute':
            if (attrs.id !== undefined) {
              titles[attributeClass].set(attrs.id, attrs.title ?? attrs.id);
              attribute = attrs.id;
            }
            break;
          case 'default':
            text = '';
            break;
          case 'node':
            if (attrs.id === undefined) throw importError(file, line, 'a <node> has no id');
            current = {
              id: attrs.id,
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
            };
            currentKind = 'node';
            break;
          case 'edge':
            if (!attrs.source || !attrs.target)
              throw importError(file, line, 'an <edge> needs a source and a target');
            current = {
              id: attrs.id ?? '',
              line,
              label: attrs.label ?? null,
              values: new Map(),
              position: null,
              source: attrs.source,
              target: attrs.target,
            };
            currentKind = 'edge';
            break;
          case 'attvalue': {
            const id = attrs.for ?? attrs.id;
            if (current && id !== undefined && attrs.value !== undefined)
              current.values.set(id, attrs.value);
            break;
          }
          case 'position':
            if (current && currentKind === 'node')
              current.position = { x: Number(attrs.x), y: Number(attrs.y) };
            break;
        }
      },
      text(chunk) {
        text += chunk;
      },
      close(name) {
        const local = localName(name);
        if (local === 'default' && attribute !== null)
          defaults[attributeClass].set(attribute, text);
        if (local === 'attribute') attribute = null;
        if (local === 'node' && current && currentKind === 'node') {
          const n = current;
          concepts.push(
            importedConcept(file, n.line, {
              key: n.id,
              label: n.label,
              category: value(n, 'node', CATEGORY_TITLES),
              description: value(n, 'node', DESCRIPTION_TITLES),
              note: value(n, 'node', ['note']),
              tags: (value(n, 'node', ['tags']) ?? '').split(/[\s,|]+/),
              position: n.position,
            }),
          );
          current = null;
        }
        if (local === 'edge' && current && currentKind === 'edge') {
          const e = current;
          links.push(
            importedLink(file, e.line, {
              source: e.source!,
              target: e.target!,
              relation: e.label ?? value(e, 'edge', RELATION_TITLES),
              note: value(e, 'edge', ['note']),
            }),
          );
          current = null;
        }
      },
    },
    options,
  );
  return { format: 'gexf', categories: [], concepts, links, warnings };
}
