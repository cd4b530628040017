import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CairnError } from '../../shared/errors';
import { defaultGraphSchema, findGraphProblems, type DefaultGraph } from './default-graph-schema';

const FILE_NAME = 'default-graph.json';

/**
 * Finds data/default-graph.json from wherever the code runs: the sources under
 * Vitest, out/main in a build, or Electron's resources folder when packaged.
 */
function findDefaultGraphFile(startDir: string = __dirname): string {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'data', FILE_NAME));
  for (let dir = startDir, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'data', FILE_NAME));
  }
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found)
    throw new CairnError(
      'io',
      `The default graph (data/${FILE_NAME}) is missing from this installation.`,
    );
  return found;
}

export interface DefaultGraphFile {
  graph: DefaultGraph;
  /** SHA-256 of the file: which version of the default graph a database was seeded from. */
  fingerprint: string;
}

/** The fingerprint alone, without parsing: cheap enough to check on every open. */
export function defaultGraphFingerprint(file: string = findDefaultGraphFile()): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function readDefaultGraphFile(file: string = findDefaultGraphFile()): DefaultGraphFile {
  const name = path.basename(file);
  const bytes = fs.readFileSync(file);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CairnError(
      'invalid-argument',
      `${name} is not valid JSON: ${(error as Error).message}.`,
    );
  }
  const parsed = defaultGraphSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CairnError(
      'invalid-argument',
      `${name} is not a valid default graph: ${issue?.path.join('.')}: ${issue?.message}.`,
    );
  }
  const problems = findGraphProblems(parsed.data);
  if (problems.length > 0) {
    throw new CairnError(
      'invalid-argument',
      `${name} is not a valid default graph: ${problems[0]}.`,
    );
  }
  return { graph: parsed.data, fingerprint: createHash('sha256').update(bytes).digest('hex') };
}

export function readDefaultGraph(file: string = findDefaultGraphFile()): DefaultGraph {
  return readDefaultGraphFile(file).graph;
}

/** Inserts the default graph; call inside a transaction on an empty database. */
export function insertDefaultGraph(db: Database, graph: DefaultGraph, fingerprint: string): void {
  const insertCategory = db.prepare('INSERT INTO categories (id, label, color) VALUES (?, ?, ?)');
  const insertConcept = db.prepare(
    `INSERT INTO concepts (id, label, category, description, origin, provenance)
     VALUES (?, ?, ?, ?, 'seed', ?)`,
  );
  const insertTag = db.prepare(
    'INSERT INTO tags (concept, tag) SELECT key, ? FROM concepts WHERE id = ?',
  );
  const insertLink = db.prepare(
    `INSERT INTO links (source, target, relation, origin)
     SELECT s.key, t.key, ?, 'seed' FROM concepts s, concepts t WHERE s.id = ? AND t.id = ?`,
  );
  for (const c of graph.categories) insertCategory.run(c.id, c.label, c.color);
  for (const c of graph.concepts) {
    insertConcept.run(c.id, c.label, c.category, c.description, `${graph.source} › ${c.section}`);
    for (const tag of c.tags ?? []) insertTag.run(tag, c.id);
  }
  for (const l of graph.links) insertLink.run(l.relation, l.source, l.target);

  // The pristine copy that the user's edits never touch (see migrations 0003 and 0005).
  const seedCategory = db.prepare(
    'INSERT INTO seed_categories (id, label, color) VALUES (?, ?, ?)',
  );
  for (const c of graph.categories) seedCategory.run(c.id, c.label, c.color);
  const seedConcept = db.prepare(
    'INSERT INTO seed_concepts (id, label, category, description, tags) VALUES (?, ?, ?, ?, ?)',
  );
  for (const c of graph.concepts) {
    seedConcept.run(
      c.id,
      c.label,
      c.category,
      c.description,
      JSON.stringify([...new Set(c.tags ?? [])].sort()),
    );
  }
  const seedLink = db.prepare('INSERT INTO seed_links (source, target, relation) VALUES (?, ?, ?)');
  for (const l of graph.links) seedLink.run(l.source, l.target, l.relation);
  db.prepare("INSERT INTO seed_info (key, value) VALUES ('fingerprint', ?)").run(fingerprint);
}
