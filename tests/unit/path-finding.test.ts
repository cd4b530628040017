import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PathFinder, type FindPathsArgs } from '../../src/main/services/paths/find-paths';
import { kShortestPaths, type Walk } from '../../src/main/services/paths/shortest-paths';
import { GraphSummaries } from '../../src/main/services/view/summary';
import { ViewQuery } from '../../src/main/services/view/view-query';
import { filterSchema } from '../../src/shared/contract-schemas';
import type { PathHop } from '../../src/shared/domain';
import { NO_FILTER, normaliseFilter, setEntry, withFacet } from '../../src/shared/filters';
import { pathSentence } from '../../src/shared/paths';
import { freshGraph, openTempGraph } from './helpers';

/**
 * A hand-made graph in a real database: `links` like "a>b runs on", one per line; each
 * concept's label is its id in capitals; concepts named in `categories` go there.
 */
function graph(links: string, options: { categories?: Record<string, string> } = {}): Database {
  const { db } = openTempGraph({ empty: true });
  db.prepare(
    "INSERT INTO categories (id, label, color) VALUES ('plain', 'Plain', '#888888')",
  ).run();
  db.prepare(
    "INSERT INTO categories (id, label, color) VALUES ('other', 'Other', '#444444')",
  ).run();
  const lines = links
    .trim()
    .split('\n')
    .map((line) => /^\s*(\w+)([<>]|~)(\w+) (.+)$/.exec(line)!)
    .map(([, a, arrow, b, relation]) => ({ a: a!, arrow: arrow!, b: b!, relation: relation! }));
  const concepts = new Set(lines.flatMap((l) => [l.a, l.b]));
  for (const id of Object.keys(options.categories ?? {})) concepts.add(id);
  const insert = db.prepare(
    "INSERT INTO concepts (id, label, category, origin) VALUES (?, ?, ?, 'user')",
  );
  for (const id of concepts) insert.run(id, id.toUpperCase(), options.categories?.[id] ?? 'plain');
  const link = db.prepare(`
    INSERT INTO links (source, target, relation, origin, kind)
    SELECT s.key, t.key, @relation, 'user', @kind FROM concepts s, concepts t WHERE s.id = @source AND t.id = @target`);
  for (const { a, arrow, b, relation } of lines) {
    const [source, target] = arrow === '<' ? [b, a] : [a, b];
    link.run({ source, target, relation, kind: arrow === '~' ? 'mention' : 'typed' });
  }
  return db;
}

const find = (db: Database, args: FindPathsArgs) => new PathFinder(db).find(args);
const sentences = (paths: PathHop[][]) => paths.map(pathSentence);

describe('path finding on hand-made graphs', () => {
  it('follows a chain, saying which way each link points', () => {
    const db = graph(`
      a>b runs on
      c>b part of
      c>d stores data for`);
    const result = find(db, { from: 'a', to: 'd' });
    expect(sentences(result.paths)).toEqual(['A —runs on→ B ←part of— C —stores data for→ D']);
    expect(result.paths[0]!.map((h) => h.direction)).toEqual(['forward', 'backward', 'forward']);
    expect(result.paths[0]![0]!.from).toEqual({
      id: 'a',
      label: 'A',
      category: 'plain',
      origin: 'user',
    });
    expect(result.noPath).toBeNull();
    expect(result).toMatchObject({ k: 3, maxHops: 6, directed: false, stoppedBy: [] });
  });

  it('gives each hop the id of the link it walks', () => {
    const db = graph(`
      a>b runs on
      b>c part of`);
    const [path] = find(db, { from: 'c', to: 'a' }).paths;
    const linkOf = db.prepare(
      'SELECT s.id AS source, t.id AS target, l.relation FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE l.id = ?',
    );
    expect(path!.map((h) => linkOf.get(h.linkId))).toEqual([
      { source: 'b', target: 'c', relation: 'part of' },
      { source: 'a', target: 'b', relation: 'runs on' },
    ]);
    expect(path!.map((h) => h.direction)).toEqual(['backward', 'backward']);
  });

  it('finds both shortest paths of a diamond, then the longer one, and no more than there are', () => {
    const db = graph(`
      a>b x
      b>d x
      a>c x
      c>d x
      a>e x
      e>f x
      f>d x`);
    expect(sentences(find(db, { from: 'a', to: 'd', k: 1 }).paths)).toEqual(['A —x→ B —x→ D']);
    expect(sentences(find(db, { from: 'a', to: 'd', k: 10 }).paths)).toEqual([
      'A —x→ B —x→ D',
      'A —x→ C —x→ D',
      'A —x→ E —x→ F —x→ D',
    ]);
  });

  it('counts two links between the same concepts as one way through', () => {
    const db = graph(`
      a>b runs on
      a>b part of
      b>c x`);
    const result = find(db, { from: 'a', to: 'c', k: 5 });
    expect(sentences(result.paths)).toEqual(['A —runs on→ B —x→ C']);
  });

  it('follows link direction only when asked to', () => {
    const db = graph(`
      a>b runs on
      c>b part of`);
    expect(find(db, { from: 'a', to: 'c' }).paths).toHaveLength(1);
    const directed = find(db, { from: 'a', to: 'c', directed: true });
    expect(directed.paths).toEqual([]);
    expect(directed.noPath).toBe(
      'No path joins A and C following link direction; ignoring direction there is one of 2 links.',
    );
    expect(directed.stoppedBy).toEqual(['direction']);
    // Against the arrows there is no way either; along them there is.
    expect(find(db, { from: 'c', to: 'a', directed: true }).paths).toEqual([]);
    const along = graph(`
      a>b runs on
      b>c part of`);
    expect(sentences(find(along, { from: 'a', to: 'c', directed: true }).paths)).toEqual([
      'A —runs on→ B —part of→ C',
    ]);
  });

  it('keeps to some relations, or avoids some', () => {
    const db = graph(`
      a>b runs on
      b>d part of
      a>c stores data for
      c>d runs on`);
    expect(
      sentences(find(db, { from: 'a', to: 'd', relations: ['runs on', 'part of'] }).paths),
    ).toEqual(['A —runs on→ B —part of→ D']);
    expect(sentences(find(db, { from: 'a', to: 'd', avoid: ['part of'] }).paths)).toEqual([
      'A —stores data for→ C —runs on→ D',
    ]);
    const none = find(db, { from: 'a', to: 'd', relations: ['runs on'] });
    expect(none.noPath).toBe(
      'No path joins A and D along only runs on; along any relation there is one of 2 links.',
    );
    expect(none.stoppedBy).toEqual(['relations']);
    const avoided = find(db, { from: 'a', to: 'd', avoid: ['runs on'] });
    expect(avoided.noPath).toBe(
      'No path joins A and D avoiding runs on; through runs on there is one of 2 links.',
    );
  });

  it('walks mention links as the relation "mentions", unless it is avoided', () => {
    const db = graph(`
      a~b mentions
      b>c part of`);
    expect(sentences(find(db, { from: 'a', to: 'c' }).paths)).toEqual([
      'A —mentions→ B —part of→ C',
    ]);
    expect(find(db, { from: 'a', to: 'c', avoid: ['mentions'] }).stoppedBy).toEqual(['avoid']);
    // A typed link is preferred over a mention between the same two concepts.
    const both = graph(`
      a~b mentions
      a>b runs on
      b>c part of`);
    expect(sentences(find(both, { from: 'a', to: 'c' }).paths)).toEqual([
      'A —runs on→ B —part of→ C',
    ]);
  });

  it('passes only through what the filter shows', () => {
    const db = graph(
      `
      a>b x
      b>c x`,
      { categories: { b: 'other' } },
    );
    const hideOther = withFacet(
      NO_FILTER,
      'categories',
      setEntry(NO_FILTER.categories, 'other', 'hidden'),
    );
    const result = find(db, { from: 'a', to: 'c', filter: hideOther });
    expect(result.paths).toEqual([]);
    expect(result.noPath).toBe(
      'No path joins A and C through what the filter shows; without the filter there is one of 2 links.',
    );
    expect(result.stoppedBy).toEqual(['filter']);
    // A filter on relations hides those links too.
    const onlyY = withFacet(NO_FILTER, 'relations', setEntry(NO_FILTER.relations, 'y', 'only'));
    expect(find(db, { from: 'a', to: 'c', filter: onlyY }).stoppedBy).toEqual(['filter']);
    // With another way round, the filter leaves that one.
    const around = graph(
      `
      a>b x
      b>c x
      a>d x
      d>e x
      e>c x`,
      { categories: { b: 'other' } },
    );
    expect(sentences(find(around, { from: 'a', to: 'c', filter: hideOther }).paths)).toEqual([
      'A —x→ D —x→ E —x→ C',
    ]);
  });

  it('hides what the map hides: an import file by the name the filter panel lists', () => {
    const db = graph(
      `
      a>b x
      b>c x
      a>d x
      d>e x
      e>c x`,
    );
    db.prepare(
      "UPDATE concepts SET origin = 'import', provenance = 'import: cluster.gexf' WHERE id = 'b'",
    ).run();
    // The filter panel's import-file entries are the summary's keys.
    const listed = new GraphSummaries(db).summary(NO_FILTER).importFiles.map((f) => f.key);
    expect(listed).toEqual(['import: cluster.gexf']);
    const hideFile = withFacet(
      NO_FILTER,
      'importFiles',
      setEntry(NO_FILTER.importFiles, listed[0]!, 'hidden'),
    );
    expect(new ViewQuery(db).view({ filter: hideFile }).concepts.map((c) => c.id)).not.toContain(
      'b',
    );
    expect(sentences(find(db, { from: 'a', to: 'c', filter: hideFile }).paths)).toEqual([
      'A —x→ D —x→ E —x→ C',
    ]);
  });

  it('keeps to your own links under "Only mine", as the map does', () => {
    const db = graph(`
      a>b x
      b>c x
      b>f x
      a>d x
      d>e x
      e>c x`);
    // A, B and C are the default graph's, and so are the links A→B and B→C; each of
    // them has a link of the user's, so the map shows all three (as context).
    db.prepare("UPDATE concepts SET origin = 'seed' WHERE id IN ('a', 'b', 'c')").run();
    const key = (id: string) => `(SELECT key FROM concepts WHERE id = '${id}')`;
    db.prepare(
      `UPDATE links SET origin = 'seed' WHERE (source, target) IN (VALUES (${key('a')}, ${key('b')}), (${key('b')}, ${key('c')}))`,
    ).run();
    const mine = { ...NO_FILTER, mine: true };
    const view = new ViewQuery(db).view({ filter: mine });
    expect(view.concepts.map((c) => c.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(view.links).toHaveLength(4);
    expect(sentences(find(db, { from: 'a', to: 'c', filter: mine }).paths)).toEqual([
      'A —x→ D —x→ E —x→ C',
    ]);
  });

  it('says so when an end is hidden by the filter', () => {
    const db = graph(`a>b x`, { categories: { b: 'other' } });
    const hideOther = withFacet(
      NO_FILTER,
      'categories',
      setEntry(NO_FILTER.categories, 'other', 'hidden'),
    );
    const result = find(db, { from: 'a', to: 'b', filter: hideOther });
    expect(result.noPath).toBe(
      'B is hidden by the filter, so no path shown on the map can reach it.',
    );
    expect(result.stoppedBy).toEqual(['hidden-end']);
  });

  it('names the hop limit, and the length that would do', () => {
    const db = graph(`
      a>b x
      b>c x
      c>d x
      d>e x
      e>f x`);
    const result = find(db, { from: 'a', to: 'f', maxHops: 3 });
    expect(result.noPath).toBe('No path of at most 3 links joins A and F; with 5 there is one.');
    expect(result.stoppedBy).toEqual(['max-hops']);
    expect(find(db, { from: 'a', to: 'f', maxHops: 5 }).paths).toHaveLength(1);
  });

  it('says when only lifting several limits together would help', () => {
    // Directed and along "x" only: the one path needs both a backward step and a "y" link.
    const db = graph(`
      a>b x
      c>b y`);
    const result = find(db, { from: 'a', to: 'c', directed: true, relations: ['x'] });
    expect(result.noPath).toBe(
      'No path joins A and C following link direction and along only x; without those limits there is one of 2 links.',
    );
    expect(result.stoppedBy).toEqual(['several']);
  });

  it('says when two concepts are not connected at all', () => {
    const db = graph(`
      a>b x
      c>d x`);
    expect(find(db, { from: 'a', to: 'd' })).toMatchObject({
      paths: [],
      noPath: 'A and D are in separate parts of the graph.',
      stoppedBy: ['disconnected'],
    });
    expect(find(db, { from: 'a', to: 'd', directed: true, avoid: ['x'] }).noPath).toBe(
      'A and D are in separate parts of the graph.',
    );
  });

  it('refuses an unknown concept and a path from a concept to itself', () => {
    const db = graph(`a>b x`);
    expect(() => find(db, { from: 'a', to: 'nope' })).toThrow(
      'There is no concept with the id "nope".',
    );
    expect(() => find(db, { from: 'a', to: 'a' })).toThrow('Choose two different concepts');
  });
});

describe("Yen's k shortest paths against every simple path", () => {
  /** A deterministic random undirected graph as a Walk. */
  function randomWalk(seed: number, nodes: number, edges: number): Walk {
    let s = seed;
    const random = () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const adjacency = new Map<number, Set<number>>();
    for (let i = 0; i < nodes; i++) adjacency.set(i, new Set());
    for (let e = 0; e < edges; e++) {
      const a = Math.floor(random() * nodes);
      const b = Math.floor(random() * nodes);
      if (a === b) continue;
      adjacency.get(a)!.add(b);
      adjacency.get(b)!.add(a);
    }
    const steps = (key: number) =>
      [...adjacency.get(key)!].map((node) => ({ node, link: 0, relation: 'x', forward: true }));
    return { out: steps, in: steps };
  }

  function allSimplePathLengths(walk: Walk, from: number, to: number, maxHops: number): number[] {
    const lengths: number[] = [];
    const onPath = new Set([from]);
    const visit = (key: number, depth: number) => {
      if (key === to) return void lengths.push(depth);
      if (depth === maxHops) return;
      for (const { node } of walk.out(key)) {
        if (onPath.has(node)) continue;
        onPath.add(node);
        visit(node, depth + 1);
        onPath.delete(node);
      }
    };
    visit(from, 0);
    return lengths.sort((a, b) => a - b);
  }

  it.each(Array.from({ length: 16 }, (_, i) => i + 1))(
    'finds the k shortest on random graph %i',
    (seed) => {
      const walk = randomWalk(seed, 14, 26);
      for (const [from, to] of [
        [0, 13],
        [1, 7],
        [2, 11],
      ] as const) {
        const expected = allSimplePathLengths(walk, from, to, 6).slice(0, 10);
        const found = kShortestPaths(walk, from, to, 10, 6);
        expect(found.map((p) => p.nodes.length - 1)).toEqual(expected);
        for (const path of found) {
          expect(path.nodes[0]).toBe(from);
          expect(path.nodes.at(-1)).toBe(to);
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          path.nodes.slice(1).forEach((node, i) => {
            expect(walk.out(path.nodes[i]!).some((step) => step.node === node)).toBe(true);
          });
        }
        expect(new Set(found.map((p) => p.nodes.join(','))).size).toBe(found.length);
      }
    },
  );
});

describe('path finding on the default graph', () => {
  it('finds three real paths from Pod to etcd through the contract', async () => {
    const { api, db } = freshGraph();
    const result = await api.findPaths({ from: 'pod', to: 'etcd', k: 3 });
    expect(result.paths).toHaveLength(3);
    const link = db.prepare(
      'SELECT s.id AS source, t.id AS target, l.relation FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE l.id = ?',
    );
    for (const path of result.paths) {
      expect(path[0]!.from.id).toBe('pod');
      expect(path.at(-1)!.to.id).toBe('etcd');
      for (const [i, hop] of path.entries()) {
        if (i > 0) expect(hop.from.id).toBe(path[i - 1]!.to.id);
        const row = link.get(hop.linkId) as { source: string; target: string; relation: string };
        expect(row.relation).toBe(hop.relation);
        expect(
          hop.direction === 'forward' ? [row.source, row.target] : [row.target, row.source],
        ).toEqual([hop.from.id, hop.to.id]);
      }
    }
    const lengths = result.paths.map((p) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it('refuses arguments out of bounds at the boundary', async () => {
    const { api } = freshGraph();
    await expect(api.findPaths({ from: 'pod', to: 'etcd', k: 11 })).rejects.toThrow(/k/);
    await expect(api.findPaths({ from: 'pod', to: 'etcd', maxHops: 13 })).rejects.toThrow(
      /maxHops/,
    );
    await expect(
      api.findPaths({ from: 'pod', to: 'etcd', filter: { ...NO_FILTER, extra: 1 } as never }),
    ).rejects.toThrow(/filter/);
    await expect(
      api.findPaths({
        from: 'pod',
        to: 'etcd',
        filter: { ...NO_FILTER, tags: { hidden: ['x'.repeat(201)], only: [] } },
      }),
    ).rejects.toThrow(/filter\.tags\.hidden/);
  });
});

describe('the filter schema', () => {
  it('accepts every filter the filter model makes, and nothing else', () => {
    const made = withFacet(NO_FILTER, 'tags', setEntry(NO_FILTER.tags, 'cncf', 'only'));
    expect(filterSchema.parse(made)).toEqual(made);
    expect(filterSchema.parse(normaliseFilter({ note: 'with' }))).toMatchObject({ note: 'with' });
    expect(filterSchema.safeParse({ ...NO_FILTER, note: 'some' }).success).toBe(false);
    expect(filterSchema.safeParse({ ...NO_FILTER, tags: { hidden: [] } }).success).toBe(false);
    const tooMany = { hidden: Array.from({ length: 501 }, (_, i) => `t${i}`), only: [] };
    expect(filterSchema.safeParse({ ...NO_FILTER, tags: tooMany }).success).toBe(false);
  });
});
