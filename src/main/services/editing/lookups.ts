import type { Database } from 'better-sqlite3';
import type { Origin } from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import type { Recorder } from '../history/row-images';

export interface ConceptRef {
  key: number;
  id: string;
  label: string;
  origin: Origin;
}

export function findConcept(db: Database, id: string): ConceptRef {
  const row = db.prepare('SELECT key, id, label, origin FROM concepts WHERE id = ?').get(id) as
    ConceptRef | undefined;
  if (!row) throw new CairnError('not-found', `There is no concept with the id "${id}".`);
  return row;
}

export function conceptByLabel(db: Database, label: string): ConceptRef | undefined {
  return db
    .prepare('SELECT key, id, label, origin FROM concepts WHERE label = ? COLLATE NOCASE')
    .get(label) as ConceptRef | undefined;
}

/** Refuses a label another concept already has (case-insensitively), naming it. */
export function assertLabelFree(db: Database, label: string, exceptKey?: number): void {
  const other = conceptByLabel(db, label);
  if (other && other.key !== exceptKey) {
    throw new CairnError('conflict', `A concept named “${other.label}” already exists.`);
  }
}

/** A readable slug (`Kube Proxy` → `kube-proxy`): ASCII letters, digits and dashes. */
function slugify(text: string, maxLength: number, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength);
  return slug || fallback;
}

/** The first of `base`, `base-2`, `base-3`… that `isTaken` says is free. */
function firstFree(base: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A readable, stable id from a label, made unique with a number. */
export function newConceptId(db: Database, label: string): string {
  const taken = db.prepare('SELECT 1 FROM concepts WHERE id = ?');
  return firstFree(slugify(label, 60, 'concept'), (id) => taken.get(id) !== undefined);
}

// Colours for categories the user creates, distinct from the default graph's.
const NEW_CATEGORY_COLOURS = [
  '#6f4e7c',
  '#0b84a5',
  '#f6c85f',
  '#9dd866',
  '#ca472f',
  '#ffa056',
  '#8dddd0',
  '#5e60ce',
];

/**
 * The category a person typed: an existing one by id or label (any case), or a new
 * one with that label and a colour not yet in use.
 */
export function resolveCategory(db: Database, recorder: Recorder, name: string): string {
  const existing = db
    .prepare(
      'SELECT id FROM categories WHERE id = @name OR label = @name COLLATE NOCASE ORDER BY id = @name DESC LIMIT 1',
    )
    .get({ name }) as { id: string } | undefined;
  if (existing) return existing.id;
  const taken = db.prepare('SELECT 1 FROM categories WHERE id = ?');
  const id = firstFree(
    slugify(name, 40, 'category'),
    (candidate) => taken.get(candidate) !== undefined,
  );
  const used = new Set(
    (db.prepare('SELECT color FROM categories').all() as { color: string }[]).map((c) => c.color),
  );
  const count = (db.prepare('SELECT count(*) AS n FROM categories').get() as { n: number }).n;
  const color =
    NEW_CATEGORY_COLOURS.find((c) => !used.has(c)) ??
    NEW_CATEGORY_COLOURS[count % NEW_CATEGORY_COLOURS.length]!;
  db.prepare('INSERT INTO categories (id, label, color) VALUES (?, ?, ?)').run(id, name, color);
  recorder.created('categories', [id]);
  return id;
}
