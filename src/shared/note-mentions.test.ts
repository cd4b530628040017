import { describe, expect, it } from 'vitest';
import { foldWord, matchTokens, MentionLexicon } from './mention-lexicon';
import { relationKey, relationPhrases, scanNote } from './note-mentions';

const CONCEPTS = [
  'etcd',
  'API server',
  'Kubernetes',
  'Kubernetes API server',
  'Pod',
  'Node',
  'Node.js',
  'Café',
  'C++',
];
const lexicon = new MentionLexicon(CONCEPTS.map((label, key) => ({ key, label })));
const labelOf = (key: number) => CONCEPTS[key]!;
const byLabel = (target: string) => {
  const key = CONCEPTS.findIndex((l) => l.toLowerCase() === target.toLowerCase());
  return key < 0 ? null : key;
};

/** The names found in plain text, as [label, text as written]. */
function textMentions(body: string): [string, string][] {
  return scanNote(body, lexicon, byLabel)
    .occurrences.filter((o) => o.kind === 'text')
    .map((o) => [labelOf(o.key), o.text]);
}

describe('folding and tokens', () => {
  it('folds case and accents, and keeps scripts other than Latin', () => {
    expect(foldWord('ÉTCD')).toBe('etcd');
    expect(foldWord('Straße')).toBe('straße');
    expect(foldWord('Ωmega')).toBe('ωmega');
  });

  it('cuts text into words and single other characters, with their spacing', () => {
    expect(matchTokens('Node.js  runs').map((t) => [t.folded, t.spaced])).toEqual([
      ['node', false],
      ['.', false],
      ['js', false],
      ['runs', true],
    ]);
  });
});

describe('unlinked mentions', () => {
  it('finds names in any case, with or without accents, as whole words only', () => {
    expect(textMentions('ETCD and cafe and pods and a node, not nodes or podcast.')).toEqual([
      ['etcd', 'ETCD'],
      ['Café', 'cafe'],
      ['Node', 'node'],
    ]);
  });

  it('takes the longest of overlapping names, across a line break', () => {
    expect(textMentions('The Kubernetes API\nserver, the API server and Kubernetes.')).toEqual([
      ['Kubernetes API server', 'Kubernetes API\nserver'],
      ['API server', 'API server'],
      ['Kubernetes', 'Kubernetes'],
    ]);
  });

  it('falls back to the longest name that matches when a longer one starts alike', () => {
    const names = new MentionLexicon(
      ['Pod', 'Pod network policy', 'Pod network'].map((label, key) => ({ key, label })),
    );
    const found = (body: string) =>
      scanNote(body, names, () => null).occurrences.map((o) => o.text);
    expect(found('Pod network policies, a Pod network policy, Pod networks.')).toEqual([
      'Pod network',
      'Pod network policy',
      'Pod',
    ]);
  });

  it('matches names with punctuation only with the same spacing', () => {
    expect(textMentions('Node.js is not Node . js; C++ is C ++')).toEqual([
      ['Node.js', 'Node.js'],
      ['Node', 'Node'],
      ['C++', 'C++'],
    ]);
  });

  it('skips code of every kind, links, URLs, #tags and [[wikilinks]]', () => {
    const body = [
      'Inline `etcd` and `` x Pod ` y `` code.',
      '',
      '```',
      'etcd in a fence',
      '```',
      '',
      '    etcd indented',
      '',
      '[the etcd docs](https://etcd.io) and <https://pod.example> and https://x.y/Node',
      '![a Pod](pod.png) #etcd [[Pod]] and [[Node|the node]]',
      '',
      'Only this etcd counts.',
    ].join('\n');
    expect(textMentions(body)).toEqual([['etcd', 'etcd']]);
  });

  it('places each mention at its offset in the note, through lists, quotes, tables and CRLF', () => {
    const body =
      '- a list with etcd\r\n> quoted Pod\r\n\r\n| x | y |\r\n|---|---|\r\n| Node | etcd |\r\n';
    const found = scanNote(body, lexicon, byLabel).occurrences;
    expect(found.map((o) => [labelOf(o.key), body.slice(o.start, o.end)])).toEqual([
      ['etcd', 'etcd'],
      ['Pod', 'Pod'],
      ['Node', 'Node'],
      ['etcd', 'etcd'],
    ]);
    expect(found[0]!.start).toBe(body.indexOf('etcd'));
    expect(found[3]!.start).toBe(body.lastIndexOf('etcd'));
  });

  it('never takes a cell’s code for the next cell’s words', () => {
    const table = (row: string) => `| a | b |\n|---|---|\n${row}`;
    for (const body of [
      table('| `etcd` | etcd |'),
      table('| etcd `etcd` | etcd |'),
      table('| `Pod` | Pod |'),
    ]) {
      const found = scanNote(body, lexicon, byLabel).occurrences;
      const last = found.at(-1)!;
      expect(body.slice(last.start - 1, last.end + 1), body).toMatch(/^ \w+ $/);
      expect(last.start, body).toBe(body.lastIndexOf(last.text));
    }
  });

  it('says the sentence each is in, on one line', () => {
    const [first, second] = scanNote(
      'Intro. The Pod runs\non a Node! Done',
      lexicon,
      byLabel,
    ).occurrences;
    expect(first!.sentence).toBe('The Pod runs on a Node!');
    expect(second!.sentence).toBe('The Pod runs on a Node!');
  });

  it('finds nothing in a note without names, or with an empty lexicon', () => {
    expect(textMentions('Nothing here at all.')).toEqual([]);
    expect(scanNote('etcd', new MentionLexicon([]), () => null).occurrences).toEqual([]);
  });
});

describe('relation sentences', () => {
  it('pairs two names with nothing but words between them, in plain text or [[links]]', () => {
    const body = 'etcd stores data for the API server. [[Pod]] runs on a Node, then Kubernetes.';
    const { relations } = scanNote(body, lexicon, byLabel);
    expect(
      relations.map((r) => [
        labelOf(r.source.key),
        r.phrases,
        labelOf(r.target.key),
        r.source.sentence,
      ]),
    ).toEqual([
      [
        'etcd',
        ['stores data for the', 'stores data for'],
        'API server',
        'etcd stores data for the API server.',
      ],
      ['Pod', ['runs on a', 'runs on'], 'Node', '[[Pod]] runs on a Node, then Kubernetes.'],
    ]);
  });

  it('does not pair across a sentence, a comma or a code span', () => {
    const body = 'etcd. API server. Pod, Node. Pod `runs on` Node.';
    expect(scanNote(body, lexicon, byLabel).relations).toEqual([]);
  });

  it('folds a relation as it folds the words between names', () => {
    expect(relationKey('Stores data  for')).toBe('stores data for');
    expect(relationPhrases(' Stores DATA for ')).toEqual(['stores data for']);
    expect(relationPhrases(' , ')).toEqual([]);
  });
});
