import type { Database } from 'better-sqlite3';
import {
  ORIGIN_LABELS,
  type Category,
  type Origin,
  type CountBy,
  type GraphStats,
  type Vocabulary,
} from '../../shared/domain';

export function graphStats(db: Database): GraphStats {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const byCategory = db
    .prepare(
      `SELECT cat.id AS key, cat.label AS label, count(c.key) AS count
       FROM categories cat LEFT JOIN concepts c ON c.category = cat.id
       GROUP BY cat.id ORDER BY count DESC, cat.label`,
    )
    .all() as CountBy[];
  const byRelation = db
    .prepare(
      `SELECT relation AS key, relation AS label, count(*) AS count
       FROM links WHERE kind = 'typed' GROUP BY relation ORDER BY count DESC, relation`,
    )
    .all() as CountBy[];
  const byOrigin = (
    db
      .prepare(
        `SELECT origin AS key, count(*) AS count FROM concepts GROUP BY origin ORDER BY count DESC`,
      )
      .all() as { key: Origin; count: number }[]
  ).map((row) => ({ ...row, label: ORIGIN_LABELS[row.key] }));
  return {
    concepts: count('SELECT count(*) AS n FROM concepts'),
    links: count('SELECT count(*) AS n FROM links'),
    notes: count("SELECT count(*) AS n FROM notes WHERE body <> ''"),
    tags: count('SELECT count(DISTINCT tag) AS n FROM tags'),
    byCategory,
    byRelation,
    byOrigin,
  };
}

/** What the forms offer for autocomplete: relations in use, categories and tags, most used first. */
/** The typed relations in use, the most used first. */
export function relationCounts(db: Database): CountBy[] {
  return db
    .prepare(
      `SELECT relation AS key, relation AS label, count(*) AS count FROM links WHERE kind = 'typed'
       GROUP BY relation ORDER BY count DESC, relation`,
    )
    .all() as CountBy[];
}

export function vocabulary(db: Database): Vocabulary {
  return {
    relations: relationCounts(db),
    categories: db
      .prepare('SELECT id, label, color, shape FROM categories ORDER BY label')
      .all() as Category[],
    tags: db
      .prepare(
        'SELECT tag AS key, tag AS label, count(*) AS count FROM tags GROUP BY tag ORDER BY count DESC, tag',
      )
      .all() as CountBy[],
  };
}
