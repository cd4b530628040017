// The import fuzzer's variants: deterministic mutations of a seed input, so that a
// failing variant can be made again from its format, seed and number alone.

/** A small, fast, seeded generator (mulberry32): the same seed gives the same variants. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A whole number from 0 to below `n`. */
    below: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof randomSource>;

/** Whether the input is XML, JSON, CSV or Markdown decides which structural tricks apply. */
export type Syntax = 'xml' | 'json' | 'csv' | 'markdown';

/** Names that break code using plain objects as maps, and text Cytoscape reads as style. */
const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  'data(label)',
  'mapData(weight, 0, 1, 1, 9)',
];

/** Bytes that are not UTF-8, or encode what well-formed text must not hold. */
const BAD_BYTES = [
  [0xff, 0xfe], // a UTF-16 byte order mark in the middle
  [0xed, 0xa0, 0x80], // a lone surrogate, as CESU-8
  [0xc0, 0xaf], // an overlong slash
  [0x00], // NUL
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xe2, 0x80], // a cut-off sequence
];

const STRUCTURE: Record<Syntax, readonly string[]> = {
  xml: ['<', '>', '</node>', '<node id="', '"', '&', '&amp;', ']]>', '<![CDATA[', '<?x?>', '/>'],
  json: ['{', '}', '[', ']', '"', ',', ':', 'null', '1e999', '-0', '"\\ud800"', '\\'],
  csv: [',', '"', '\n', '\r\n', '""', ';', '\t', '\n,,,\n'],
  markdown: ['[[', ']]', '---\n', '\n---\n', '#', '`', '```', '|', '![[x]]', '\n'],
};

type Mutation = (bytes: Buffer, random: Random, syntax: Syntax) => Buffer;

const at = (bytes: Buffer, random: Random) => random.below(bytes.length + 1);
const splice = (bytes: Buffer, start: number, end: number, insert: Buffer | string) =>
  Buffer.concat([
    bytes.subarray(0, start),
    typeof insert === 'string' ? Buffer.from(insert) : insert,
    bytes.subarray(end),
  ]);

/** Replaces the text of a random quoted value or element with `value`. */
function replaceAValue(bytes: Buffer, random: Random, value: string): Buffer {
  const text = bytes.toString('latin1');
  const quoted = [...text.matchAll(/"([^"\n]{1,200})"|>([^<\n]{1,200})</g)];
  if (quoted.length === 0) return splice(bytes, at(bytes, random), at(bytes, random), value);
  const match = random.pick(quoted);
  const start = match.index + 1;
  const end = start + (match[1] ?? match[2] ?? '').length;
  return splice(bytes, start, end, value);
}

/** Nesting as deep as the syntax allows: past every recursion limit a reader has. */
function deepNesting(syntax: Syntax, depth: number): string {
  switch (syntax) {
    case 'xml':
      return '<graph><node id="n">'.repeat(depth) + '</node></graph>'.repeat(depth);
    case 'json':
      return '{"a":['.repeat(depth) + ']}'.repeat(depth);
    case 'csv':
      return '"' + '""'.repeat(depth) + '"';
    case 'markdown':
      return '> '.repeat(depth) + '- '.repeat(depth) + '[[x]]';
  }
}

const XML_DOCTYPES = [
  // Billion laughs: an entity expanded into many.
  '<!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
  // An external entity that would read a file.
  '<!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  // A parameter entity and an external DTD.
  '<!DOCTYPE g SYSTEM "http://127.0.0.1:1/evil.dtd" [<!ENTITY % p "x">]>',
];

const MUTATIONS: Record<string, Mutation> = {
  flipBits(bytes, random) {
    const copy = Buffer.from(bytes);
    const flips = 1 + random.below(8);
    for (let i = 0; i < flips && copy.length > 0; i++) {
      copy[random.below(copy.length)]! ^= 1 << random.below(8);
    }
    return copy;
  },
  truncate: (bytes, random) => bytes.subarray(0, random.below(bytes.length)),
  insertStructure: (bytes, random, syntax) =>
    splice(bytes, at(bytes, random), at(bytes, random), random.pick(STRUCTURE[syntax])),
  insertBadBytes(bytes, random) {
    const where = at(bytes, random);
    return splice(bytes, where, where, Buffer.from(random.pick(BAD_BYTES)));
  },
  duplicateSlice(bytes, random) {
    const start = random.below(bytes.length);
    const slice = bytes.subarray(start, start + 1 + random.below(400));
    const where = at(bytes, random);
    return splice(bytes, where, where, slice);
  },
  deleteSlice(bytes, random) {
    const start = random.below(bytes.length);
    return splice(bytes, start, start + 1 + random.below(200), '');
  },
  deepNesting(bytes, random, syntax) {
    const where = at(bytes, random);
    return splice(bytes, where, where, deepNesting(syntax, 2_000 + random.below(30_000)));
  },
  hugeValue: (bytes, random) =>
    replaceAValue(
      bytes,
      random,
      random.pick(['x', 'é', '[[a]] ', '9']).repeat(1 + random.below(2_000_000)),
    ),
  hostileName: (bytes, random) => replaceAValue(bytes, random, random.pick(HOSTILE_NAMES)),
  hugeNumber: (bytes, random) =>
    replaceAValue(bytes, random, random.pick(['1e309', '-1e309', 'NaN', '0x10', '9'.repeat(400)])),
  reencode(bytes, random) {
    const text = bytes.toString('utf8');
    switch (random.below(4)) {
      case 0:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 1: {
        const le = Buffer.from(text, 'utf16le');
        return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
      }
      case 2:
        return Buffer.from(text, 'latin1');
      default:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    }
  },
  // XML only: a DTD with entities, a declared foreign encoding, a graph nested in a node.
  doctype(bytes, random, syntax) {
    if (syntax !== 'xml') return MUTATIONS.insertStructure!(bytes, random, syntax);
    const text = bytes.toString('utf8');
    const afterDeclaration = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
    const withDoctype =
      text.slice(0, afterDeclaration) + random.pick(XML_DOCTYPES) + text.slice(afterDeclaration);
    return Buffer.from(withDoctype.replace(/>([^<]{1,80})</, '>&d;&x;$1<'));
  },
  declaredEncoding(bytes, random, syntax) {
    if (syntax !== 'xml') return MUTATIONS.reencode!(bytes, random, syntax);
    const text = bytes.toString('utf8').replace(/^<\?xml[^>]*\?>/, '');
    const encoding = random.pick(['ISO-8859-1', 'UTF-16', 'EBCDIC', 'x-unknown', 'UTF-8']);
    return Buffer.from(`<?xml version="1.0" encoding="${encoding}"?>${text}`, 'latin1');
  },
  nestedGraph(bytes, random, syntax) {
    if (syntax !== 'xml') return MUTATIONS.duplicateSlice!(bytes, random, syntax);
    const text = bytes.toString('utf8');
    const nodes = [...text.matchAll(/<node [^>]*>/g)];
    if (nodes.length === 0) return bytes;
    const node = random.pick(nodes);
    const inner = `<graph edgedefault="directed"><node id="${random.pick(HOSTILE_NAMES)}"/><node id="inner-${random.below(9)}"><graph><node id="deeper"/></graph></node></graph>`;
    const where = node.index + node[0].length;
    return Buffer.from(text.slice(0, where) + inner + text.slice(where));
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Variant `n` of `seed`: one or two mutations, chosen by `n`, applied in turn. */
export function mutate(
  seed: Buffer,
  syntax: Syntax,
  n: number,
): { bytes: Buffer; mutations: string[] } {
  const random = randomSource(n * 2654435761);
  const count = random.next() < 0.7 ? 1 : 2;
  const mutations: string[] = [];
  let bytes = seed;
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? MUTATION_NAMES[n % MUTATION_NAMES.length]! : random.pick(MUTATION_NAMES);
    mutations.push(name);
    bytes = MUTATIONS[name]!(bytes, random, syntax);
  }
  return { bytes, mutations };
}
