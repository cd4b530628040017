import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/main/cli/run-cli';
import { openGraph } from '../../src/main/open-graph';
import { exportGraph } from '../../src/main/services/export/export';
import type { ExportFormat } from '../../src/shared/export-formats';
import type { ImportFormat } from '../../src/shared/import-formats';
import type { Syntax } from './mutators';

// The fuzzer's seeds: for each import format, small well-formed inputs that Cairn reads
// without complaint. Cairn's own exports of a small graph that uses every field, and
// the files other tools write (tests/fixtures/import).

/** A seed is a file, or a folder given as its files (relative name → bytes). */
export type Seed = { name: string; file: Buffer } | { name: string; folder: Map<string, Buffer> };

export interface FormatSeeds {
  format: ImportFormat;
  syntax: Syntax;
  seeds: Seed[];
}

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'import');

/** A graph with a bit of everything a reader must carry: notes, tags, wikilinks, typed links, accents. */
const SMALL_GRAPH = {
  format: 'cairn-graph',
  version: 1,
  categories: [
    { id: 'k8s', label: 'Kubernetes', color: '#336699' },
    { id: 'store', label: 'Storage' },
  ],
  concepts: [
    {
      id: 'pod',
      label: 'Pod',
      category: 'k8s',
      description: 'The smallest deployable unit.',
      tags: ['core', 'workload'],
      note: 'A Pod runs on a [[Node]] and keeps data in [[etcd]].\n\n`[[not a link]]`',
    },
    { id: 'node', label: 'Node', category: 'k8s', description: 'A worker machine.' },
    { id: 'etcd', label: 'etcd', category: 'store', description: 'Clé-valeur, « distribué ».' },
    { id: 'api-server', label: 'API server', category: 'k8s', description: '' },
  ],
  links: [
    { source: 'pod', target: 'node', relation: 'runs on' },
    { source: 'etcd', target: 'api-server', relation: 'stores data for', note: 'all state' },
    { source: 'api-server', target: 'etcd', relation: 'mentions' },
  ],
};

/** Every file under `dir` (a vault keeps notes in a folder per category), by relative path. */
function folderOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), fs.readFileSync(full));
  }
  return files;
}

const fixture = (name: string): Seed => ({
  name,
  file: fs.readFileSync(path.join(FIXTURES, name)),
});

/** Writes the seeds for every format, using `work` as scratch space. */
export async function makeSeeds(work: string): Promise<FormatSeeds[]> {
  const source = path.join(work, 'small.json');
  fs.writeFileSync(source, JSON.stringify(SMALL_GRAPH, null, 2));
  const db = path.join(work, 'small.sqlite');
  const code = await runCli(['import', '--db', db, '--empty', '--file', source], {
    stdout: () => {},
    stderr: () => {},
    isTty: false,
  });
  if (code !== 0) throw new Error('the fuzzer’s small graph did not import');
  const graph = openGraph(db).db;
  const exported = (format: ExportFormat, name: string): Seed => {
    const out = path.join(work, name);
    exportGraph(graph, format, out);
    return fs.statSync(out).isDirectory()
      ? { name, folder: folderOf(out) }
      : { name, file: fs.readFileSync(out) };
  };
  try {
    return [
      { format: 'json', syntax: 'json', seeds: [exported('json', 'small.cairn.json')] },
      { format: 'cytoscape', syntax: 'json', seeds: [exported('cytoscape', 'small.cyjs')] },
      {
        format: 'graphml',
        syntax: 'xml',
        seeds: [
          exported('graphml', 'small.graphml'),
          fixture('gephi.graphml'),
          fixture('gephi-attributes.graphml'),
          fixture('yed-groups.graphml'),
        ],
      },
      {
        format: 'gexf',
        syntax: 'xml',
        seeds: [
          exported('gexf', 'small.gexf'),
          exported('gexf-1.3', 'small-1.3.gexf'),
          fixture('gephi.gexf'),
          fixture('gexf-hierarchy.gexf'),
        ],
      },
      {
        format: 'csv',
        syntax: 'csv',
        seeds: [
          exported('csv', 'small-csv'),
          { name: 'edges.csv', file: Buffer.from('source,target,relation\nPod,Node,runs on\n') },
        ],
      },
      { format: 'markdown', syntax: 'markdown', seeds: [exported('markdown', 'small-vault')] },
    ];
  } finally {
    graph.close();
  }
}
