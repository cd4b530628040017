import { describe, expect, it } from 'vitest';
import { parseSnippet, SearchService, toFtsQuery } from '../../src/main/services/search';
import { openTempGraph } from './helpers';

describe('full-text search', () => {
  it('lists etcd first for "etcd"; a label-only match shows the start of the description', () => {
    const { db } = openTempGraph();
    const hits = new SearchService(db).search('etcd');
    expect(hits[0]?.label).toBe('etcd');
    const description = db
      .prepare("SELECT description FROM concepts WHERE id = 'etcd'")
      .pluck()
      .get() as string;
    const shown = hits[0]!.snippet.map((p) => p.text).join('');
    expect(description.startsWith(shown.replace(/…$/, ''))).toBe(true);
  });

  it('takes the snippet from the description or note that matched, marking the words', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    const hit = search.search('stores')[0]!;
    expect(hit.snippet.some((p) => p.match && /^stores$/i.test(p.text))).toBe(true);
    db.prepare(
      "INSERT INTO notes (concept, body) SELECT key, 'Backed up nightly with snapshots' FROM concepts WHERE id = 'etcd'",
    ).run();
    const noteHit = search.search('snapshots')[0]!;
    expect(noteHit.id).toBe('etcd');
    expect(noteHit.snippet).toContainEqual({ text: 'snapshots', match: true });
  });

  it('matches prefixes as you type', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    expect(search.search('etc')[0]?.label).toBe('etcd');
    expect(search.search('promet')[0]?.label).toBe('Prometheus');
    expect(search.search('kube-pro')[0]?.label).toBe('kube-proxy');
  });

  it('gives an exact label with % or _ in it the exact-match place', () => {
    const { db } = openTempGraph();
    const insert = db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES (?, ?, 'networking', ?, 'user')",
    );
    // The others match the words better by bm25: only the exact-match rank puts these first.
    insert.run('kube_proxy', 'kube_proxy', '');
    insert.run('kube-proxy-100', 'kube proxy 100%', '');
    insert.run('kube-proxy-words', 'Kube proxy', 'kube proxy kube proxy kube proxy');
    insert.run('kube-proxy-number', 'kube proxy 100', 'kube proxy 100 kube proxy 100');
    const search = new SearchService(db);
    expect(search.search('kube_proxy')[0]?.label).toBe('kube_proxy');
    expect(search.search('kube proxy 100%')[0]?.label).toBe('kube proxy 100%');
    // `_` and `%` are themselves, not LIKE wildcards, in the starts-with rank.
    expect(search.search('kube_')[0]?.label).toBe('kube_proxy');
  });

  it('ranks a label match above a mention in a description', () => {
    const { db } = openTempGraph();
    const hits = new SearchService(db).search('scheduler');
    expect(hits[0]?.label).toMatch(/^Scheduler$/i);
  });

  it('finds words in notes and tags, kept in step by triggers', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    expect(search.search('zanzibar')).toEqual([]);
    db.prepare(
      "INSERT INTO notes (concept, body) SELECT key, 'Remember the Zanzibar paper' FROM concepts WHERE id = 'etcd'",
    ).run();
    expect(search.search('zanzibar').map((h) => h.id)).toEqual(['etcd']);
    db.prepare(
      "UPDATE notes SET body = 'nothing here' WHERE concept = (SELECT key FROM concepts WHERE id = 'etcd')",
    ).run();
    expect(search.search('zanzibar')).toEqual([]);
    db.prepare(
      "INSERT INTO tags (concept, tag) SELECT key, 'favourite' FROM concepts WHERE id = 'etcd'",
    ).run();
    expect(search.search('favourite').map((h) => h.id)).toEqual(['etcd']);
  });

  it('treats FTS5 syntax in the query as plain words, never as an error', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    for (const hostile of [
      '"',
      'etcd OR',
      'NEAR(',
      'label:etcd',
      '*',
      'etcd" OR "x',
      '-',
      '^etcd',
      "'; DROP TABLE concepts; --",
      '%',
      '_',
    ]) {
      expect(() => search.search(hostile), hostile).not.toThrow();
    }
    expect(search.search('etcd" OR "x')).toEqual([]);
    expect(search.search('"etcd"')[0]?.label).toBe('etcd');
    expect(db.prepare('SELECT count(*) AS n FROM concepts').get()).not.toEqual({ n: 0 });
  });

  it('returns nothing for empty or punctuation-only input and respects the limit', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    expect(search.search('')).toEqual([]);
    expect(search.search('  !!! ')).toEqual([]);
    expect(search.search('k', 3)).toHaveLength(3);
  });
});

describe('search helpers', () => {
  it('quotes every word and makes each one a prefix', () => {
    expect(toFtsQuery('kube proxy')).toBe('"kube"* "proxy"*');
    expect(toFtsQuery('a"b')).toBe('"a"* "b"*');
    expect(toFtsQuery('...')).toBeNull();
  });

  it('splits a marked snippet into plain and matched parts', () => {
    expect(parseSnippet('stores \u0002etcd\u0003 data')).toEqual([
      { text: 'stores ', match: false },
      { text: 'etcd', match: true },
      { text: ' data', match: false },
    ]);
    expect(parseSnippet('<script>alert(1)</script>')).toEqual([
      { text: '<script>alert(1)</script>', match: false },
    ]);
  });
});

describe('typo tolerance', () => {
  it('finds a concept when the word is misspelt, after the real matches', () => {
    const { db } = openTempGraph();
    const search = new SearchService(db);
    expect(search.search('kubernets')[0]?.label).toBe('Kubernetes');
    expect(search.search('promethus')[0]?.label).toBe('Prometheus');
    expect(search.search('etcdd')[0]?.label).toBe('etcd');
    // A real match still comes first: "kube" is a prefix, not a typo.
    expect(search.search('kube')[0]?.label).toMatch(/^kube/i);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});
