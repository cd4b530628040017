import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openGraph } from '../../src/main/open-graph';

const WORDS = (
  'pod node cluster mesh proxy store index cache queue stream shard replica volume ' +
  'gateway router broker ledger scheduler controller operator sidecar tracer metric ' +
  'vault policy secret image registry runtime kernel socket channel lease quorum'
).split(' ');

/** A deterministic pseudo-random graph of `concepts` concepts and `links` links, in a temp file. */
export function syntheticGraph(
  concepts: number,
  links: number,
  options: { positions?: boolean } = {},
): { db: Database; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const { db } = openGraph(file, { empty: true });
  let seed = 42;
  // A 31-bit linear congruential generator. Math.imul keeps the product exact: in plain
  // floating point it lost its low bits and the sequence repeated after 15,824 values,
  // so the "250,000 links" were a few thousand.
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  db.transaction(() => {
    for (let c = 0; c < 20; c++)
      db.prepare('INSERT INTO categories (id, label, color) VALUES (?, ?, ?)').run(
        `cat-${c}`,
        `Category ${c}`,
        '#888888',
      );
    const concept = db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES (?, ?, ?, ?, 'import')",
    );
    for (let i = 0; i < concepts; i++) {
      concept.run(
        `c${i}`,
        `${pick()} ${pick()} ${i}`,
        `cat-${i % 20}`,
        `A ${pick()} that talks to a ${pick()} through a ${pick()}.`,
      );
    }
    // Preferential attachment, roughly: low keys become hubs, as real graphs have.
    const link = db.prepare(
      "INSERT OR IGNORE INTO links (source, target, relation, origin) VALUES (?, ?, ?, 'import')",
    );
    for (let i = 0; i < links; i++) {
      const source = 1 + Math.floor(random() * concepts);
      const target = 1 + Math.floor(random() ** 2 * concepts);
      if (source !== target) link.run(source, target, pick());
    }
    // A layout: spread over a square that gives each concept about 60 × 60 units.
    if (options.positions) {
      const side = Math.sqrt(concepts) * 60;
      const position = db.prepare('INSERT INTO positions (concept, x, y) VALUES (?, ?, ?)');
      for (let key = 1; key <= concepts; key++) position.run(key, random() * side, random() * side);
    }
  })();
  return {
    db,
    file,
    cleanup: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })),
  };
}
