import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../../shared/domain';
import { conceptByLabel, newConceptId, resolveCategory } from '../editing/lookups';
import { saveNote, setFieldTags } from '../editing/note-edits';
import { History } from '../history/history';
import { NOT_RECORDED, type Recorder } from '../history/row-images';
import { importError, type ImportedGraph } from './imported-graph';

/** Above this many concepts and links an import is not kept in the undo history (see below). */
const UNDOABLE_IMPORT_LIMIT = 20_000;
const REPORTED_DUPLICATES = 100;
const UNCATEGORISED = 'Uncategorised';

interface ExistingConcept {
  key: number;
  id: string;
  label: string;
}

class Rollback extends Error {}

/**
 * Merges an imported graph into the database. Concepts match an existing one by id,
 * then by label; a match keeps what is already there (nothing the user wrote is
 * overwritten) and is reported as a duplicate. Everything new carries the origin
 * "import" and the provenance "import: FILE". A link whose end is neither in the
 * file nor in the graph stops the import, naming its line.
 */
function merge(db: Database, graph: ImportedGraph, file: string, recorder: Recorder): ImportReport {
  const provenance = `import: ${file}`;
  const report: ImportReport = {
    file,
    format: graph.format,
    concepts: { added: 0, matched: 0 },
    links: { added: 0, alreadyPresent: 0, skipped: 0 },
    categoriesAdded: [],
    duplicates: [],
    duplicateCount: 0,
    warnings: [...graph.warnings],
    undoable: true,
  };

  const categoryCount = () =>
    (db.prepare('SELECT count(*) AS n FROM categories').get() as { n: number }).n;
  const fileCategories = new Map(graph.categories.map((c) => [c.id, c]));
  const categoryIds = new Map<string, string>();
  const categoryOf = (name: string | null): string => {
    const wanted = name ?? UNCATEGORISED;
    let id = categoryIds.get(wanted);
    if (id === undefined) {
      const declared = fileCategories.get(wanted);
      const before = categoryCount();
      id = resolveCategory(db, recorder, declared?.label ?? wanted);
      if (categoryCount() > before) {
        report.categoriesAdded.push(declared?.label ?? wanted);
        if (declared?.color)
          db.prepare('UPDATE categories SET color = ? WHERE id = ?').run(declared.color, id);
      }
      categoryIds.set(wanted, id);
    }
    return id;
  };

  const byId = db.prepare('SELECT key, id, label FROM concepts WHERE id = ?');
  const insertConcept = db.prepare(
    "INSERT INTO concepts (id, label, category, description, origin, provenance) VALUES (?, ?, ?, ?, 'import', ?)",
  );
  const insertPosition = db.prepare('INSERT INTO positions (concept, x, y) VALUES (?, ?, ?)');
  const keyOf = new Map<string, ExistingConcept>();
  const notes: { id: string; note: string }[] = [];
  const place = placementBeside(db, graph);

  for (const concept of graph.concepts) {
    if (keyOf.has(concept.key)) {
      report.warnings.push(
        `${file}, line ${concept.line}: the id "${concept.key}" appears a second time; the first one was kept.`,
      );
      continue;
    }
    const matchedById = byId.get(concept.key) as ExistingConcept | undefined;
    const existing = matchedById ?? conceptByLabel(db, concept.label);
    if (existing) {
      keyOf.set(concept.key, existing);
      report.concepts.matched++;
      report.duplicateCount++;
      if (report.duplicates.length < REPORTED_DUPLICATES) {
        report.duplicates.push({
          line: concept.line,
          label: concept.label,
          matchedBy: matchedById ? 'id' : 'label',
          existing: existing.label,
        });
      }
      continue;
    }
    const id = /^[\w.-]{1,200}$/.test(concept.key) ? concept.key : newConceptId(db, concept.label);
    const key = Number(
      insertConcept.run(
        id,
        concept.label,
        categoryOf(concept.category),
        concept.description,
        provenance,
      ).lastInsertRowid,
    );
    recorder.created('concepts', [key]);
    keyOf.set(concept.key, { key, id, label: concept.label });
    report.concepts.added++;
    if (concept.position) {
      insertPosition.run(key, concept.position.x + place.dx, concept.position.y + place.dy);
      recorder.created('positions', [key]);
    }
    if (concept.tags.length > 0) setFieldTags(db, recorder, key, concept.tags);
    if (concept.note.trim()) notes.push({ id, note: concept.note });
  }

  const insertLink = db.prepare(
    "INSERT INTO links (source, target, relation, origin, kind, note) VALUES (?, ?, ?, 'import', 'typed', ?) ON CONFLICT DO NOTHING",
  );
  const end = (ref: string, line: number): ExistingConcept => {
    const found = keyOf.get(ref) ?? (byId.get(ref) as ExistingConcept | undefined);
    if (!found)
      throw importError(
        file,
        line,
        `a link points at "${ref.slice(0, 80)}", which is neither in the file nor in the graph`,
      );
    return found;
  };
  for (const link of graph.links) {
    const source = end(link.source, link.line);
    const target = end(link.target, link.line);
    // Mention links are rebuilt from the notes below; a link to itself Cairn cannot hold.
    if (link.kind === 'mention') continue;
    if (source.key === target.key) {
      report.links.skipped++;
      continue;
    }
    const result = insertLink.run(source.key, target.key, link.relation, link.note);
    if (result.changes === 0) report.links.alreadyPresent++;
    else {
      report.links.added++;
      recorder.created('links', [Number(result.lastInsertRowid)]);
    }
  }
  if (report.links.skipped > 0) {
    report.warnings.push(
      `${report.links.skipped} link${report.links.skipped === 1 ? '' : 's'} from a concept to itself ${report.links.skipped === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  // Notes last, so their [[wikilinks]] can reach every concept of the file.
  for (const { id, note } of notes) saveNote(db, recorder, id, note);
  return report;
}

const IMPORT_GAP = 300;

/**
 * A file's positions come from another drawing. Into a graph that already has a
 * layout, they are moved as one block to sit beside it (keeping their own
 * arrangement), so imported concepts never land on top of existing ones.
 */
function placementBeside(db: Database, graph: ImportedGraph): { dx: number; dy: number } {
  const placed = graph.concepts.flatMap((c) => (c.position ? [c.position] : []));
  const existing = db
    .prepare('SELECT count(*) AS n, max(x) AS maxX, min(y) AS minY FROM positions')
    .get() as {
    n: number;
    maxX: number | null;
    minY: number | null;
  };
  if (placed.length === 0 || existing.n === 0) return { dx: 0, dy: 0 };
  const minX = Math.min(...placed.map((p) => p.x));
  const minY = Math.min(...placed.map((p) => p.y));
  return { dx: existing.maxX! + IMPORT_GAP - minX, dy: existing.minY! - minY };
}

export function importGraph(
  db: Database,
  graph: ImportedGraph,
  file: string,
  options: { dryRun?: boolean } = {},
): ImportReport {
  if (options.dryRun) {
    let report: ImportReport | undefined;
    try {
      db.transaction(() => {
        report = merge(db, graph, file, NOT_RECORDED);
        report.undoable = graph.concepts.length + graph.links.length <= UNDOABLE_IMPORT_LIMIT;
        throw new Rollback();
      })();
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return report!;
  }
  if (graph.concepts.length + graph.links.length <= UNDOABLE_IMPORT_LIMIT) {
    return new History(db).record(`Imported ${file}`, (recorder) =>
      merge(db, graph, file, recorder),
    ).value;
  }
  // Recording every row of a very large import would store it twice over. Instead
  // the import is not undoable, and the history before it is closed, because
  // undoing older edits around thousands of new rows could not be done faithfully.
  return db
    .transaction(() => {
      const report = merge(db, graph, file, NOT_RECORDED);
      db.prepare('DELETE FROM changes').run();
      report.undoable = false;
      report.warnings.push(
        `This import is too large to undo (over ${UNDOABLE_IMPORT_LIMIT.toLocaleString('en')} items): earlier changes can no longer be undone either.`,
      );
      return report;
    })
    .immediate();
}
