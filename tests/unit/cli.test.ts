import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { cli, REPO_ROOT, tempDir, track } from './helpers';

describe('the cairn command', () => {
  it('creates a new database with the default graph and prints its stats', async () => {
    const db = path.join(tempDir(), 'new.sqlite');
    const result = await cli('stats', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Created .*new\.sqlite with the default graph/);
    expect(result.stdout).toMatch(/\d+ concepts · \d+ links/);
    expect(result.stdout).toMatch(/Concepts by category[\s\S]*Kubernetes/);
    expect(result.stdout).toMatch(/Links by relation[\s\S]*runs on/);
  });

  it('lists etcd first when searching for etcd', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const result = await cli('search', 'etcd', '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^ 1\. etcd {2}\(/);
    expect(result.stdout.split('\n')[1]).toMatch(/^ {4}A distributed key-value store/);
    const stores = await cli('search', 'stores', '--db', db);
    expect(stores.stdout).toContain('[stores]');
  });

  it('exports GraphML of the whole graph', async () => {
    const dir = tempDir();
    const result = await cli(
      'export',
      '--db',
      path.join(dir, 'g.sqlite'),
      '--format',
      'graphml',
      '--out',
      path.join(dir, 'g.graphml'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported \d+ concepts and \d+ links as graphml to /);
    expect(fs.readFileSync(path.join(dir, 'g.graphml'), 'utf8')).toContain(
      '<data key="e_label">stores data for</data>',
    );
  });

  it('creates an empty database with --empty', async () => {
    const result = await cli('stats', '--empty', '--db', path.join(tempDir(), 'e.sqlite'));
    expect(result.stdout).toContain('0 concepts · 0 links');
  });

  it.each([
    [['frobnicate'], 2, 'cairn: unknown command "frobnicate" (see cairn --help)'],
    [[], 2, 'cairn: no command given (see cairn --help)'],
    [['stats', '--bogus'], 2, "cairn: Unknown option '--bogus'"],
    [['export', '--format', 'graphml'], 2, 'cairn: export needs --out FILE (see cairn --help)'],
    [
      ['export', '--format', 'xlsx', '--out', 'x.xlsx'],
      2,
      'cairn: Unknown export format "xlsx": use one of json, graphml, gexf',
    ],
    [
      ['import', '--format', 'xlsx', '--file', 'x.xlsx'],
      2,
      'cairn: Unknown import format "xlsx": use one of json, cytoscape, graphml',
    ],
    [
      ['search', '--limit', 'lots', 'etcd'],
      2,
      'cairn: --limit must be a whole number from 1 to 100, not "lots" (see cairn --help)',
    ],
  ])('refuses %j with exit %i and one line', async (argv, code, message) => {
    const result = await cli(...argv, '--db', path.join(tempDir(), 'g.sqlite'));
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('Created'))).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('refuses a file that is not a Cairn database without changing it', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'hello');
    const result = await cli('stats', '--db', file);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cairn: notes.txt is not a Cairn database: it is not an SQLite file.',
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
  });

  it('imports a file, previews with --dry-run, and refuses a broken one with one line', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.sqlite');
    const file = path.join(dir, 'team.csv');
    fs.writeFileSync(file, 'source,target,relation\nAlice,etcd,maintains\n');
    const preview = await cli('import', '--file', file, '--db', db, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Would add 1 concepts and 1 links from team.csv (csv).');
    expect(preview.stdout).toContain('line 2: "etcd" matches "etcd" by id');
    expect(preview.stdout).toContain('Nothing was written (--dry-run).');
    const done = await cli('import', '--file', file, '--db', db);
    expect(done.stdout).toContain('Added 1 concepts and 1 links from team.csv (csv).');
    const again = await cli('search', 'alice', '--db', db);
    expect(again.stdout).toMatch(/^ 1\. Alice/);

    const broken = path.join(dir, 'broken.gexf');
    fs.writeFileSync(broken, '<gexf><graph><nodes><node id="a" label="A"></nodes></graph></gexf>');
    const refused = await cli('import', '--file', broken, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^cairn: broken\.gexf, line 1: the XML is malformed \(.*\)\.$/);
    expect((await cli('import', '--db', db)).stderr).toBe(
      'cairn: import needs --file PATH (see cairn --help)',
    );
    expect((await cli('import', '--file', path.join(dir, 'nope.graphml'), '--db', db)).stderr).toBe(
      `cairn: ${path.join(dir, 'nope.graphml')} does not exist.`,
    );
  });

  it('runs as a real process through bin/cairn.cjs, with no stack trace on error', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cairn.cjs'), ...args], {
        encoding: 'utf8',
      });
    const dir = tempDir();
    const ok = run('search', 'etcd', '--db', path.join(dir, 'g.sqlite'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^ 1\. etcd/);
    const bad = run(
      'export',
      '--db',
      path.join(dir, 'g.sqlite'),
      '--format',
      'graphml',
      '--out',
      path.join(dir, 'no', 'such', 'dir.graphml'),
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('imports through the built worker thread as a real process: all of it, or one line and nothing', () => {
    // The built CLI parses on a worker thread (out/main/import-worker.js); from source
    // the reader runs in the thread. Both must give the same import.
    expect(fs.existsSync(path.join(REPO_ROOT, 'out', 'main', 'import-worker.js'))).toBe(true);
    const dir = tempDir();
    const file = path.join(dir, 'team.graphml');
    const nodes = Array.from({ length: 3_000 }, (_, i) => `<node id="n${i}"/>`).join('\n');
    const edges = Array.from(
      { length: 2_999 },
      (_, i) => `<edge source="n${i}" target="n${i + 1}"><data key="r">mentions</data></edge>`,
    ).join('\n');
    fs.writeFileSync(
      file,
      `<graphml><key id="r" for="edge" attr.name="relation"/><graph>\n${nodes}\n${edges}\n</graph></graphml>`,
    );
    // A worker the built code cannot find fails the run rather than working in the thread.
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cairn.cjs'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, CAIRN_EXPECT_WORKERS: '1' },
      });
    const db = path.join(dir, 'g.sqlite');
    const done = run('import', '--file', file, '--db', db, '--empty');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(
      'Added 3000 concepts and 2999 links from team.graphml (graphml).',
    );
    // 3,000 concepts are measured on the structure worker thread.
    const measured = run('stats', '--top', '1', '--json', '--db', db);
    expect(measured.stderr).toBe('');
    expect(JSON.parse(measured.stdout).structure.components.largest).toEqual([3000]);
    fs.writeFileSync(file, `<graphml><graph>\n${nodes}\n<edge source="n1"/>\n</graph></graphml>`);
    const refused = run('import', '--file', file, '--db', db);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'cairn: team.graphml, line 3002: an <edge> needs a source and a target.',
    );
    const stats = run('stats', '--db', db);
    expect(stats.stdout).toMatch(/^3000 concepts · 2999 links/m);
  });
});

describe('cairn path and cairn neighbours', () => {
  const linkExists = (db: string, hop: PathHopJson) => {
    const opened = track(openGraph(db).db);
    const row = opened
      .prepare(
        'SELECT s.id AS source, t.id AS target, l.relation FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE l.id = ?',
      )
      .get(hop.linkId) as { source: string; target: string; relation: string } | undefined;
    const [source, target] =
      hop.direction === 'forward' ? [hop.from.id, hop.to.id] : [hop.to.id, hop.from.id];
    return row?.source === source && row.target === target && row.relation === hop.relation;
  };

  it('prints three real paths from Pod to etcd, as `npx cairn path Pod etcd --k 3` does', () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cairn.cjs'), ...args], {
        encoding: 'utf8',
      });
    const text = run('path', 'Pod', 'etcd', '--k', '3', '--db', db);
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(/^Pod (—[a-z ]+→|←[a-z ]+—) .* (—[a-z ]+→|←[a-z ]+—) etcd$/);

    const json = run('path', 'Pod', 'etcd', '--k', '3', '--json', '--db', db);
    expect(json.status).toBe(0);
    const paths = JSON.parse(json.stdout) as PathHopJson[][];
    expect(paths.map((p) => pathText(p))).toEqual(lines);
    for (const hops of paths) {
      expect(hops[0]!.from.label).toBe('Pod');
      expect(hops.at(-1)!.to.label).toBe('etcd');
      for (const hop of hops) {
        expect(Object.keys(hop).sort()).toEqual(['direction', 'from', 'linkId', 'relation', 'to']);
        expect(linkExists(db, hop)).toBe(true);
      }
    }
  });

  it('matches FROM and TO as the search box does, and says what it took', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const byId = await cli('path', 'api-server', 'ETCD', '--k', '1', '--db', db);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(/^API server .* etcd$/);
    expect(byId.stderr).not.toContain('Taking');
    const searched = await cli('path', 'kubel', 'etcd', '--k', '1', '--db', db);
    expect(searched.code).toBe(0);
    expect(searched.stderr).toContain('Taking “kubelet” (id kubelet) for “kubel”.');
    expect(searched.stdout).toMatch(/^kubelet .* etcd$/);
    const ambiguous = await cli('path', 'kube', 'etcd', '--db', db);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(
      /^cairn: “kube” \(FROM\) could be “[^”]+”, .*: give the full label or the id/,
    );
    expect(ambiguous.stdout).toBe('');
    const none = await cli('path', 'Pod', 'zzzqqq', '--db', db);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe('cairn: no concept matches “zzzqqq” (TO) (see cairn --help)');
  });

  it('exits 1 with the limit that stopped it when there is no path', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const directed = await cli('path', 'Pod', 'etcd', '--directed', '--db', db);
    expect(directed).toMatchObject({
      code: 1,
      stdout:
        'No path joins Pod and etcd following link direction; ignoring direction there is one of 2 links.',
    });
    const short = await cli('path', 'Pod', 'etcd', '--max-hops', '1', '--json', '--db', db);
    expect(short.code).toBe(1);
    expect(JSON.parse(short.stdout)).toEqual([]);
    expect(short.stderr).toContain(
      'No path of at most 1 link joins Pod and etcd; with 2 there is one.',
    );
    const along = await cli(
      'path',
      'Pod',
      'etcd',
      '--relation',
      'runs on',
      '--relation',
      'part of',
      '--db',
      db,
    );
    expect(along.code).toBe(0);
    for (const line of along.stdout.split('\n')) expect(line).not.toMatch(/(creates|uses|manages)/);
    const avoiding = await cli('path', 'Pod', 'etcd', '--avoid', 'uses', '--k', '10', '--db', db);
    expect(avoiding.stdout).not.toMatch(/uses/);
  });

  it.each([
    [['path', 'Pod'], 'cairn: path needs two concepts, FROM and TO'],
    [
      ['path', 'Pod', 'etcd', '--k', '0'],
      'cairn: --k must be a whole number from 1 to 10, not "0"',
    ],
    [
      ['path', 'Pod', 'etcd', '--max-hops', '13'],
      'cairn: --max-hops must be a whole number from 1 to 12',
    ],
    [
      ['path', 'Pod', 'etcd', '--directed', '--undirected'],
      'cairn: choose --directed or --undirected, not both',
    ],
    [['path', 'Pod', 'Pod'], 'cairn: FROM and TO are both “Pod”'],
    [['neighbours'], 'cairn: neighbours needs one concept'],
    [['neighbours', 'etcd', '--depth', '6'], 'cairn: --depth must be a whole number from 1 to 5'],
  ])('refuses %j with exit 2 and one line', async (argv, message) => {
    const result = await cli(...argv, '--db', path.join(tempDir(), 'g.sqlite'));
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('Created'))).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('prints the local graph by distance, then its links, or as JSON', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const text = await cli('neighbours', 'etcd', '--depth', '2', '--db', db);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^etcd and what lies within 2 links of it: \d+ concepts, \d+ links$/);
    const centre = lines.indexOf('Centre');
    const one = lines.indexOf('1 link away');
    const two = lines.indexOf('2 links away');
    const links = lines.indexOf('Links');
    expect(centre).toBeGreaterThan(0);
    expect(one).toBeGreaterThan(centre);
    expect(two).toBeGreaterThan(one);
    expect(links).toBeGreaterThan(two);
    expect(lines.slice(one, two)).toContain(
      '  API server  (Kubernetes control plane, id api-server)',
    );
    expect(lines.slice(links)).toContain('  etcd —stores data for→ API server');

    const json = JSON.parse(
      (await cli('neighbours', 'etcd', '--depth', '2', '--json', '--db', db)).stdout,
    ) as {
      concepts: { id: string; distance: number }[];
      links: { source: string; target: string }[];
    };
    const distance = new Map(json.concepts.map((c) => [c.id, c.distance]));
    expect(distance.get('etcd')).toBe(0);
    expect(distance.get('api-server')).toBe(1);
    expect([...distance.values()].every((d) => d >= 0 && d <= 2)).toBe(true);
    expect([...distance.values()]).toContain(2);
    // Every concept at distance d > 0 has a link to one at distance d - 1.
    for (const [id, d] of distance) {
      if (d === 0) continue;
      const near = json.links.some(
        (l) =>
          (l.source === id && distance.get(l.target) === d - 1) ||
          (l.target === id && distance.get(l.source) === d - 1),
      );
      expect(near).toBe(true);
    }
  });
});

interface PathHopJson {
  from: { id: string; label: string };
  relation: string;
  to: { id: string; label: string };
  direction: 'forward' | 'backward';
  linkId: number;
}

const pathText = (hops: PathHopJson[]) =>
  [
    hops[0]!.from.label,
    ...hops.flatMap((h) => [
      h.direction === 'forward' ? `—${h.relation}→` : `←${h.relation}—`,
      h.to.label,
    ]),
  ].join(' ');
