import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CAIRN_APPLICATION_ID } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { openGraph } from '../../src/main/open-graph';
import { History } from '../../src/main/services/history/history';
import { tempDir, track } from './helpers';

/** A real Cairn file stopped at an older schema version, with rows in it. */
function databaseAtVersion(version: number) {
  const file = path.join(tempDir(), 'old.sqlite');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${CAIRN_APPLICATION_ID}`);
  migrate(db, MIGRATIONS.slice(0, version));
  return { db, file };
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates the graph tables and keeps the search index in step with real rows', () => {
    const { db } = databaseAtVersion(1);
    track(db);
    db.pragma('foreign_keys = ON');
    db.exec(`
      INSERT INTO categories VALUES ('storage', 'Storage', '#ff9da7');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('ceph', 'Ceph', 'storage', 'Distributed storage for blocks and objects', 'seed'),
        ('rook', 'Rook', 'storage', 'Runs storage systems inside Kubernetes', 'seed');
      INSERT INTO links (source, target, relation, origin) VALUES (2, 1, 'orchestrates', 'seed');
      INSERT INTO notes (concept, body) VALUES (1, 'Placement groups are tricky');
      INSERT INTO tags (concept, tag) VALUES (1, 'cncf'), (1, 'distributed');
    `);
    const find = (q: string) =>
      db.prepare('SELECT rowid FROM concept_search WHERE concept_search MATCH ?').all(q);
    expect(find('placement')).toEqual([{ rowid: 1 }]);
    expect(find('distributed')).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE concepts SET label = 'Ceph storage' WHERE id = 'ceph'").run();
    expect(find('label:storage')).toEqual([{ rowid: 1 }]);
    db.prepare('DELETE FROM concepts WHERE id = ?').run('ceph');
    expect(find('placement')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
  });

  it('0002 adds positions to a version-1 file (then the rest) without touching its rows, after a backup', () => {
    const { db, file } = databaseAtVersion(1);
    db.exec(`
      INSERT INTO categories VALUES ('rpc', 'RPC', '#76b7b2');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('grpc', 'gRPC', 'rpc', 'A fast RPC framework', 'seed'),
        ('protobuf', 'Protocol Buffers', 'rpc', 'A binary serialisation format', 'user');
      INSERT INTO links (source, target, relation, origin) VALUES (1, 2, 'uses', 'seed');
      INSERT INTO notes (concept, body) VALUES (2, 'my own note');
    `);
    db.close();

    const opened = openGraph(file);
    track(opened.db);
    expect(opened.migrated).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Opening also merges the current default graph in; the file's own rows are untouched.
    expect(
      opened.db
        .prepare(
          "SELECT id, label, origin FROM concepts WHERE id IN ('grpc', 'protobuf') ORDER BY key",
        )
        .all(),
    ).toEqual([
      { id: 'grpc', label: 'gRPC', origin: 'seed' },
      { id: 'protobuf', label: 'Protocol Buffers', origin: 'user' },
    ]);
    expect(opened.db.prepare('SELECT body FROM notes').get()).toEqual({ body: 'my own note' });
    opened.db.prepare('INSERT INTO positions (concept, x, y) VALUES (1, 10.5, -3)').run();
    expect(opened.db.prepare('SELECT x, y FROM positions').get()).toEqual({ x: 10.5, y: -3 });

    // The backup is the file as it was before migrating.
    expect(opened.backup).not.toBeNull();
    const backup = track(new BetterSqlite3(opened.backup!, { readonly: true }));
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM concepts').get()).toEqual({ n: 2 });
    expect(fs.existsSync(opened.backup!)).toBe(true);
  });

  it('0003 keeps a pristine copy of the default graph and types existing links and tags', () => {
    const { db } = databaseAtVersion(2);
    db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', 'Smallest unit', 'seed'),
        ('node', 'Node', 'k8s', 'A machine', 'seed'),
        ('mine', 'My idea', 'k8s', 'Something I wrote', 'user');
      INSERT INTO links (source, target, relation, origin) VALUES (1, 2, 'runs on', 'seed'), (3, 1, 'uses', 'user');
      INSERT INTO tags (concept, tag) VALUES (1, 'kubernetes'), (1, 'core');
      INSERT INTO positions (concept, x, y) VALUES (1, 5, 6);
    `);
    track(db);
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const d = db;
    expect(
      d
        .prepare('SELECT id, label, category, description, tags FROM seed_concepts ORDER BY id')
        .all(),
    ).toEqual([
      { id: 'node', label: 'Node', category: 'k8s', description: 'A machine', tags: '[]' },
      {
        id: 'pod',
        label: 'Pod',
        category: 'k8s',
        description: 'Smallest unit',
        tags: '["core","kubernetes"]',
      },
    ]);
    expect(d.prepare('SELECT * FROM seed_links').all()).toEqual([
      { source: 'pod', target: 'node', relation: 'runs on' },
    ]);
    expect(d.prepare('SELECT relation, kind FROM links ORDER BY id').all()).toEqual([
      { relation: 'runs on', kind: 'typed' },
      { relation: 'uses', kind: 'typed' },
    ]);
    expect(d.prepare('SELECT DISTINCT source FROM tags').all()).toEqual([{ source: 'field' }]);
    expect(d.prepare('SELECT x, y FROM positions').get()).toEqual({ x: 5, y: 6 });
    expect(d.prepare('SELECT count(*) AS n FROM changes').get()).toEqual({ n: 0 });
  });

  it('0004 marks a seeded file so the current default graph is merged in, and leaves an empty one alone', () => {
    const seeded = databaseAtVersion(3);
    seeded.db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES ('pod', 'Pod', 'k8s', 'old text', 'seed');
      INSERT INTO seed_concepts (id, label, category, description) VALUES ('pod', 'Pod', 'k8s', 'old text');
    `);
    seeded.db.close();
    const opened = openGraph(seeded.file);
    track(opened.db);
    expect(opened.migrated).toEqual(MIGRATIONS.slice(3).map((m) => m.version));
    // 'unknown' matched no default graph, so opening merged the current one in.
    expect(
      opened.db.prepare("SELECT value FROM seed_info WHERE key = 'fingerprint'").pluck().get(),
    ).toMatch(/^[0-9a-f]{64}$/);
    expect(
      opened.db.prepare("SELECT description FROM concepts WHERE id = 'pod'").pluck().get(),
    ).not.toBe('old text');
    expect(
      (opened.db.prepare('SELECT count(*) AS n FROM concepts').get() as { n: number }).n,
    ).toBeGreaterThan(80);

    const empty = databaseAtVersion(3);
    empty.db.exec(
      "INSERT INTO categories VALUES ('c', 'C', '#000000'); INSERT INTO concepts (id, label, category, origin) VALUES ('mine', 'Mine', 'c', 'user')",
    );
    empty.db.close();
    const reopened = openGraph(empty.file);
    track(reopened.db);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM seed_info').get()).toEqual({ n: 0 });
    expect(reopened.db.prepare('SELECT id FROM concepts').all()).toEqual([{ id: 'mine' }]);
  });

  it('0005 indexes the positions of a version-4 file, keeps the index and the trigrams in step, and adds pins', () => {
    const { db, file } = databaseAtVersion(4);
    db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', '', 'user'), ('kubernetes', 'Kubernetes', 'k8s', '', 'user');
      INSERT INTO positions (concept, x, y) VALUES (1, 10, 20), (2, 500, -40);
    `);
    db.close();
    const opened = openGraph(file);
    track(opened.db);
    expect(opened.migrated).toEqual(MIGRATIONS.slice(4).map((m) => m.version));
    const inBox = (x1: number, y1: number, x2: number, y2: number) =>
      opened.db
        .prepare(
          'SELECT concept FROM position_index WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? ORDER BY concept',
        )
        .pluck()
        .all(x1, x2, y1, y2);
    expect(inBox(0, 0, 100, 100)).toEqual([1]);
    expect(inBox(-1000, -1000, 1000, 1000)).toEqual([1, 2]);
    opened.db.prepare('UPDATE positions SET x = 1000 WHERE concept = 1').run();
    expect(inBox(0, 0, 100, 100)).toEqual([]);
    opened.db.prepare('DELETE FROM concepts WHERE key = 2').run();
    expect(inBox(-1000, -1000, 2000, 1000)).toEqual([1]);
    expect(opened.db.prepare('SELECT tier, pinned FROM positions WHERE concept = 1').get()).toEqual(
      { tier: 0, pinned: 0 },
    );
    const trigram = (q: string) =>
      opened.db
        .prepare('SELECT rowid FROM concept_trigrams WHERE concept_trigrams MATCH ?')
        .pluck()
        .all(q);
    expect(trigram('"ube"')).toEqual([]);
    opened.db.prepare("UPDATE concepts SET label = 'Kubelet' WHERE key = 1").run();
    expect(trigram('"ube"')).toEqual([1]);
    expect(opened.db.prepare('SELECT count(*) AS n FROM ui_state').get()).toEqual({ n: 0 });
  });

  it('0006 adds import batches, attributes and multi-edges to a version-5 file, keeping its rows', () => {
    const { db, file } = databaseAtVersion(5);
    db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', 'Smallest unit', 'user'),
        ('node', 'Node', 'k8s', 'A machine', 'import');
      INSERT INTO links (source, target, relation, origin, kind) VALUES
        (1, 2, 'runs on', 'user', 'typed'), (1, 2, 'mentions', 'user', 'mention');
      INSERT INTO notes (concept, body) VALUES (1, 'Runs on a [[Node]]');
      INSERT INTO changes (summary, forward, backward) VALUES ('Created “Pod”', '[]', '[]');
    `);
    db.close();
    const opened = openGraph(file);
    track(opened.db);
    const d = opened.db;
    expect(opened.migrated).toEqual(MIGRATIONS.slice(5).map((m) => m.version));
    expect(
      d.prepare('SELECT relation, kind, parallel, import_batch FROM links ORDER BY id').all(),
    ).toEqual([
      { relation: 'runs on', kind: 'typed', parallel: 0, import_batch: null },
      { relation: 'mentions', kind: 'mention', parallel: 0, import_batch: null },
    ]);
    expect(d.prepare('SELECT id, import_batch FROM concepts ORDER BY key').all()).toEqual([
      { id: 'pod', import_batch: null },
      { id: 'node', import_batch: null },
    ]);
    expect(d.prepare('SELECT summary, batch FROM changes').all()).toEqual([
      { summary: 'Created “Pod”', batch: null },
    ]);
    // A typed "mentions" link beside the note's mention link, and a second "runs on" edge.
    d.prepare(
      "INSERT INTO links (source, target, relation, origin, kind) VALUES (1, 2, 'mentions', 'import', 'typed')",
    ).run();
    d.prepare(
      "INSERT INTO links (source, target, relation, origin, kind, parallel) VALUES (1, 2, 'runs on', 'import', 'typed', 1)",
    ).run();
    expect(() =>
      d
        .prepare(
          "INSERT INTO links (source, target, relation, origin, kind) VALUES (1, 2, 'runs on', 'user', 'typed')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    d.prepare(
      "INSERT INTO concept_attributes (concept, name, type, value) VALUES (2, 'degree', 'int', '3')",
    ).run();
    d.prepare(
      "INSERT INTO link_attributes (link, name, type, value) VALUES (1, 'weight', 'double', '0.5')",
    ).run();
    d.prepare("DELETE FROM concepts WHERE id = 'node'").run();
    expect(d.prepare('SELECT count(*) AS n FROM concept_attributes').get()).toEqual({ n: 0 });
    expect(d.prepare('SELECT count(*) AS n FROM link_attributes').get()).toEqual({ n: 0 });
  });

  it('0007 gives every category of a version-6 file a shape and keeps the default graph colours as shipped, and old undo steps still apply', () => {
    const { db } = databaseAtVersion(6);
    db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b'), ('mine', 'Mine', '#6f4e7c');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', 'Smallest unit', 'seed'),
        ('idea', 'Idea', 'k8s', '', 'user');
      INSERT INTO seed_concepts (id, label, category, description) VALUES ('pod', 'Pod', 'k8s', 'Smallest unit');
    `);
    // An undo step recorded before shapes existed: creating the category "Mine".
    const image = {
      table: 'categories',
      pk: ['mine'],
      row: { id: 'mine', label: 'Mine', color: '#6f4e7c' },
    };
    db.prepare(
      "INSERT INTO changes (summary, forward, backward) VALUES ('Created “Idea”', ?, ?)",
    ).run(JSON.stringify([image]), JSON.stringify([{ ...image, row: null }]));
    migrate(db, MIGRATIONS.slice(0, 7));
    track(db);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).toEqual([
      { id: 'k8s', label: 'Kubernetes', color: '#f28e2b', shape: 'ellipse' },
      { id: 'mine', label: 'Mine', color: '#6f4e7c', shape: 'ellipse' },
    ]);
    // Only the default graph's categories have a shipped copy.
    expect(db.prepare('SELECT * FROM seed_categories').all()).toEqual([
      { id: 'k8s', label: 'Kubernetes', color: '#f28e2b' },
    ]);
    expect(() => db.prepare("UPDATE categories SET shape = 'blob' WHERE id = 'k8s'").run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM concepts').get()).toEqual({ n: 2 });

    // Undo and redo of the old step: the row's image has no shape, and the default fills it.
    const history = new History(db);
    history.undo();
    expect(db.prepare("SELECT * FROM categories WHERE id = 'mine'").get()).toBeUndefined();
    history.redo();
    expect(db.prepare("SELECT * FROM categories WHERE id = 'mine'").get()).toEqual({
      id: 'mine',
      label: 'Mine',
      color: '#6f4e7c',
      shape: 'ellipse',
    });
  });

  it('a version-6 file opens at the latest version with its import batches, attributes and multi-edges intact', () => {
    const { db, file } = databaseAtVersion(6);
    db.exec(`
      INSERT INTO categories VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO import_batches (id, file, format) VALUES (1, 'cluster.gexf', 'gexf');
      INSERT INTO concepts (id, label, category, description, origin, provenance, import_batch) VALUES
        ('pod', 'Pod', 'k8s', '', 'import', 'import: cluster.gexf', 1),
        ('node', 'Node', 'k8s', '', 'import', 'import: cluster.gexf', 1);
      INSERT INTO links (source, target, relation, origin, kind, parallel, import_batch) VALUES
        (1, 2, 'runs on', 'import', 'typed', 0, 1), (1, 2, 'runs on', 'import', 'typed', 1, 1);
      INSERT INTO concept_attributes (concept, name, type, value) VALUES (1, 'degree', 'int', '2');
      INSERT INTO link_attributes (link, name, type, value) VALUES (2, 'weight', 'double', '0.5');
    `);
    db.close();
    const opened = openGraph(file);
    track(opened.db);
    const d = opened.db;
    expect(opened.migrated).toEqual([7, 8, 9, 10, 11]);
    expect(d.pragma('user_version', { simple: true })).toBe(11);
    expect(d.prepare('SELECT id, shape FROM categories').all()).toEqual([
      { id: 'k8s', shape: 'ellipse' },
    ]);
    expect(d.prepare('SELECT id, import_batch FROM concepts ORDER BY key').all()).toEqual([
      { id: 'pod', import_batch: 1 },
      { id: 'node', import_batch: 1 },
    ]);
    expect(d.prepare('SELECT parallel FROM links ORDER BY id').pluck().all()).toEqual([0, 1]);
    expect(d.prepare('SELECT name, value FROM concept_attributes').all()).toEqual([
      { name: 'degree', value: '2' },
    ]);
    expect(d.prepare('SELECT link, name FROM link_attributes').all()).toEqual([
      { link: 2, name: 'weight' },
    ]);
    expect(d.prepare('SELECT file FROM import_batches').pluck().all()).toEqual(['cluster.gexf']);
  });

  it('0008 adds the structure measures, out of date until measured, and counts each change, undo and redo', () => {
    const { db } = databaseAtVersion(7);
    db.exec(`
      INSERT INTO categories (id, label, color) VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', '', 'seed'), ('node', 'Node', 'k8s', '', 'seed');
    `);
    const image = {
      table: 'links',
      pk: [1],
      row: { id: 1, source: 1, target: 2, relation: 'runs on', origin: 'user', kind: 'typed' },
    };
    db.prepare("INSERT INTO changes (summary, forward, backward) VALUES ('Linked', ?, ?)").run(
      JSON.stringify([image]),
      JSON.stringify([{ ...image, row: null }]),
    );
    migrate(db, MIGRATIONS.slice(0, 8));
    track(db);
    db.pragma('foreign_keys = ON');
    const state = () => db.prepare('SELECT version, measured FROM structure_state').get();
    expect(state()).toEqual({ version: 0, measured: null });
    const history = new History(db);
    history.undo();
    history.redo();
    expect(state()).toEqual({ version: 2, measured: null });
    db.exec(`INSERT INTO concept_measures VALUES (1, 0, 1, 0.4, 0, 0, 0), (2, 1, 0, 0.6, 0, 0, 0)`);
    // Measures go with their concept.
    db.prepare("DELETE FROM concepts WHERE id = 'pod'").run();
    expect(db.prepare('SELECT concept FROM concept_measures').pluck().all()).toEqual([2]);
    expect(() => db.exec('INSERT INTO structure_state (id, version) VALUES (2, 0)')).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('0009 adds saved views, and moves the structure version only for changes of concepts, links or imports', () => {
    const { db } = databaseAtVersion(8);
    track(db);
    migrate(db, MIGRATIONS.slice(0, 9));
    const version = () => db.prepare('SELECT version FROM structure_state').pluck().get();
    const change = (forward: unknown[], batch: number | null = null) =>
      db
        .prepare("INSERT INTO changes (summary, forward, backward, batch) VALUES ('x', ?, '[]', ?)")
        .run(JSON.stringify(forward), batch);
    change([{ table: 'saved_views', pk: [1], row: { id: 1, name: '"table":"links"' } }]);
    change([{ table: 'positions', pk: [1], row: null }]);
    expect(version()).toBe(0);
    change([{ table: 'links', pk: [1], row: null }]);
    change([{ table: 'concepts', pk: [1], row: null }]);
    db.exec("INSERT INTO import_batches (id, file, format) VALUES (1, 'g.json', 'json')");
    change([], 1);
    expect(version()).toBe(3);
    db.exec("UPDATE changes SET undone = 1 WHERE forward LIKE '%positions%'");
    expect(version()).toBe(3);
    db.exec('UPDATE changes SET undone = 1 WHERE forward LIKE \'%"links"%\'');
    expect(version()).toBe(4);
    db.exec(`INSERT INTO saved_views (name, folded, spec) VALUES ('A', 'a', '{}')`);
    expect(() =>
      db.exec(`INSERT INTO saved_views (name, folded, spec) VALUES ('a', 'a', '{}')`),
    ).toThrow(/UNIQUE constraint failed: saved_views.folded/);
  });

  it('0010 keeps dismissed suggestions, one per link or mention, which go with either concept', () => {
    const { db } = databaseAtVersion(9);
    track(db);
    db.exec(`
      INSERT INTO categories (id, label, color) VALUES ('k8s', 'Kubernetes', '#f28e2b');
      INSERT INTO concepts (id, label, category, description, origin) VALUES
        ('pod', 'Pod', 'k8s', '', 'seed'), ('node', 'Node', 'k8s', '', 'seed'),
        ('etcd', 'etcd', 'k8s', '', 'seed');
    `);
    migrate(db, MIGRATIONS.slice(0, 10));
    db.pragma('foreign_keys = ON');
    const dismiss = db.prepare(
      'INSERT INTO dismissed_suggestions (source, target, relation) VALUES (?, ?, ?)',
    );
    dismiss.run(1, 2, 'runs on');
    dismiss.run(1, 2, 'mentions');
    dismiss.run(3, 1, 'mentions');
    expect(() => dismiss.run(1, 2, 'runs on')).toThrow(/UNIQUE constraint failed/);
    expect(() => dismiss.run(1, 99, 'runs on')).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare("DELETE FROM concepts WHERE id = 'node'").run();
    expect(db.prepare('SELECT source, target, relation FROM dismissed_suggestions').all()).toEqual([
      { source: 3, target: 1, relation: 'mentions' },
    ]);
    // Not a change of concepts or links: the structure's version stays.
    db.prepare("INSERT INTO changes (summary, forward, backward) VALUES ('x', ?, '[]')").run(
      JSON.stringify([{ table: 'dismissed_suggestions', pk: [3, 1, 'mentions'], row: null }]),
    );
    expect(db.prepare('SELECT version FROM structure_state').pluck().get()).toBe(0);
  });

  it('applies nothing when a migration fails half-way', () => {
    const { db } = databaseAtVersion(1);
    track(db);
    const failing = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'ok',
        up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE a (x INTEGER) STRICT'),
      },
      {
        version: MIGRATIONS.length + 2,
        name: 'broken',
        up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE nonsense ('),
      },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('positions', 'a')").get(),
    ).toEqual({ n: 0 });
  });
});
