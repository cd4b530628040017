import type { Database, Statement } from 'better-sqlite3';
import type { Origin } from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import { foldLabel } from '../../../shared/labels';
import { nextCategoryStyle, type CategoryStyle } from '../../../shared/palette';
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

interface LabelStatements {
  byNocase: Statement<[string], ConceptRef>;
  byWords: Statement<[string], ConceptRef>;
}

const labelStatements = new WeakMap<Database, LabelStatements>();

function statementsFor(db: Database): LabelStatements {
  let statements = labelStatements.get(db);
  if (!statements) {
    statements = {
      byNocase: db.prepare(
        'SELECT key, id, label, origin FROM concepts WHERE label = ? COLLATE NOCASE',
      ),
      byWords: db.prepare(`
        SELECT c.key, c.id, c.label, c.origin
        FROM concept_search s JOIN concepts c ON c.key = s.rowid
        WHERE concept_search MATCH ?`),
    };
    labelStatements.set(db, statements);
  }
  return statements;
}

/**
 * The words of `text` as one FTS5 phrase, quoted so nothing in it is FTS syntax; null
 * when it has no word characters (then there is no letter whose case could differ).
 */
export function ftsPhrase(text: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The concept with this label, compared over all of Unicode (`foldLabel`). SQLite's
 * NOCASE index answers ASCII differences; the full-text index, whose tokenizer folds
 * every script, finds the candidates for the rest.
 */
export function conceptByLabel(db: Database, label: string): ConceptRef | undefined {
  const statements = statementsFor(db);
  const direct = statements.byNocase.get(label);
  if (direct) return direct;
  const phrase = ftsPhrase(label);
  if (!phrase) return undefined;
  const wanted = foldLabel(label);
  for (const row of statements.byWords.iterate(`label : ${phrase}`)) {
    if (foldLabel(row.label) === wanted) return row;
  }
  return undefined;
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

/**
 * The category a person typed: an existing one by id or label (any case), or a new
 * one with that label and the next palette colour not yet in use (then the next shape).
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
  const { color, shape } = nextCategoryStyle(
    db.prepare('SELECT color, shape FROM categories').all() as CategoryStyle[],
  );
  db.prepare('INSERT INTO categories (id, label, color, shape) VALUES (?, ?, ?, ?)').run(
    id,
    name,
    color,
    shape,
  );
  recorder.created('categories', [id]);
  return id;
}
