import type { Database } from 'better-sqlite3';
import type { ImportReport, ImportResolutions } from '../../../shared/domain';
import { foldLabel } from '../../../shared/labels';
import { newConceptId, resolveCategory } from '../editing/lookups';
import { History } from '../history/history';
import { ChangeRecorder, NOT_RECORDED, type Recorder } from '../history/row-images';
import { suspendIndexes, type Suspended } from './bulk-indexes';
import { ImportConflicts } from './import-conflicts';
import { deriveFromNotes } from './import-notes';
import { mergeViews } from './import-views';
import { addedLinks, LinkWriter } from './link-writer';
import {
  importError,
  replayGraph,
  type ImportedCategory,
  type ImportedConcept,
  type ImportedGraph,
  type ImportedLink,
  type ImportedView,
  type ImportSink,
} from './imported-graph';

/** From this many items on, an import builds the search and secondary indexes once, at the end. */
const BULK_IMPORT_ITEMS = 5_000;
const REPORTED_DUPLICATES = 100;
const SHOWN_NEW_CONCEPTS = 1_000;
const UNCATEGORISED = 'Uncategorised';
const IMPORT_GAP = 300;

export interface ImportOptions {
  dryRun?: boolean;
  resolutions?: ImportResolutions;
  /** The bulk path (indexes built at the end) or row by row; by default, by size. */
  bulk?: boolean;
}

interface ConceptRef {
  key: number;
  id: string;
  label: string;
}

class Rollback extends Error {}

/**
 * Merges what a reader hands it into the open transaction. Concepts match an existing
 * one by id, then by label (over all of Unicode); a match keeps what is already there
 * and its differences become conflicts (import-conflicts.ts). Everything new carries the
 * origin "import", the provenance "import: FILE" and the import's batch id, which is how
 * Undo takes it back. A link whose end is neither in the file nor in the graph stops the
 * import, naming its line.
 */
class ImportMerge implements ImportSink {
  readonly report: ImportReport;
  readonly batch: number;
  private readonly provenance: string;
  private readonly byLabel = new Map<string, ConceptRef>();
  private readonly keyOf = new Map<string, ConceptRef>();
  private readonly fileCategories = new Map<string, ImportedCategory>();
  private readonly categoryIds = new Map<string, string>();
  private readonly pending: ImportedLink[] = [];
  private readonly views: ImportedView[] = [];
  private readonly conflicts: ImportConflicts;
  private readonly links: LinkWriter;
  private readonly suspended: Suspended | null;
  private readonly statements;
  private readonly placedBefore: boolean;
  private lowest: { x: number; y: number } | null = null;

  constructor(
    private readonly db: Database,
    file: string,
    format: string,
    private readonly recorder: Recorder,
    bulk: boolean,
  ) {
    this.provenance = `import: ${file}`;
    this.report = {
      file,
      format,
      concepts: { added: 0, matched: 0 },
      links: { added: 0, mentions: 0, alreadyPresent: 0, skipped: 0, merged: 0 },
      categoriesAdded: [],
      adding: { concepts: [], relations: [] },
      duplicates: [],
      duplicateCount: 0,
      conflicts: { counts: [], items: [] },
      warnings: [],
      newConceptIds: [],
      viewsAdded: [],
    };
    this.batch = Number(
      db.prepare('INSERT INTO import_batches (file, format) VALUES (?, ?)').run(file, format)
        .lastInsertRowid,
    );
    for (const row of db
      .prepare('SELECT key, id, label FROM concepts')
      .iterate() as Iterable<ConceptRef>) {
      const folded = foldLabel(row.label);
      if (!this.byLabel.has(folded)) this.byLabel.set(folded, row);
    }
    this.placedBefore =
      (db.prepare('SELECT count(*) AS n FROM positions').get() as { n: number }).n > 0;
    this.statements = {
      byId: db.prepare('SELECT key, id, label FROM concepts WHERE id = ?'),
      concept: db.prepare(
        "INSERT INTO concepts (id, label, category, description, origin, provenance, import_batch) VALUES (?, ?, ?, ?, 'import', ?, ?)",
      ),
      position: db.prepare('INSERT INTO positions (concept, x, y) VALUES (?, ?, ?)'),
      tag: db.prepare("INSERT INTO tags (concept, tag, source) VALUES (?, ?, 'field')"),
      note: db.prepare('INSERT INTO notes (concept, body) VALUES (?, ?)'),
      attribute: db.prepare(
        'INSERT INTO concept_attributes (concept, name, type, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    };
    this.conflicts = new ImportConflicts(db);
    this.links = new LinkWriter(db, this.batch, file, this.report);
    this.suspended = bulk ? suspendIndexes(db) : null;
  }

  warning(warning: string): void {
    this.report.warnings.push(warning);
  }

  view(view: ImportedView): void {
    this.views.push(view);
  }

  category(category: ImportedCategory): void {
    this.fileCategories.set(category.id, category);
  }

  private categoryOf(name: string | null): string {
    const wanted = name ?? UNCATEGORISED;
    let id = this.categoryIds.get(wanted);
    if (id === undefined) {
      const declared = this.fileCategories.get(wanted);
      const label = declared?.label ?? wanted;
      const before = this.db.prepare('SELECT count(*) AS n FROM categories').pluck().get();
      id = resolveCategory(this.db, this.recorder, label);
      if (this.db.prepare('SELECT count(*) AS n FROM categories').pluck().get() !== before) {
        this.report.categoriesAdded.push(label);
        if (declared?.color)
          this.db.prepare('UPDATE categories SET color = ? WHERE id = ?').run(declared.color, id);
        if (declared?.shape)
          this.db.prepare('UPDATE categories SET shape = ? WHERE id = ?').run(declared.shape, id);
      }
      this.categoryIds.set(wanted, id);
    }
    return id;
  }

  concept(concept: ImportedConcept): void {
    const { report } = this;
    if (this.keyOf.has(concept.key)) {
      report.warnings.push(
        `${report.file}, line ${concept.line}: the id "${concept.key.slice(0, 80)}" appears a second time; that second concept was not kept.`,
      );
      return;
    }
    const byId = this.statements.byId.get(concept.key) as ConceptRef | undefined;
    const existing = byId ?? this.byLabel.get(foldLabel(concept.label));
    if (existing) {
      this.keyOf.set(concept.key, existing);
      report.concepts.matched++;
      report.duplicateCount++;
      if (report.duplicates.length < REPORTED_DUPLICATES) {
        report.duplicates.push({
          line: concept.line,
          label: concept.label,
          matchedBy: byId ? 'id' : 'label',
          existing: existing.label,
        });
      }
      const category =
        concept.category === null
          ? null
          : (this.fileCategories.get(concept.category)?.label ?? concept.category);
      this.conflicts.add(
        { key: existing.key, id: existing.id, file: concept, category },
        existing.label,
      );
      return;
    }
    const { statements } = this;
    // The file's id is free: a concept with it would have matched above.
    const id = /^[\w.-]{1,200}$/.test(concept.key)
      ? concept.key
      : newConceptId(this.db, concept.label);
    const category = this.categoryOf(concept.category);
    const key = Number(
      statements.concept.run(
        id,
        concept.label,
        category,
        concept.description,
        this.provenance,
        this.batch,
      ).lastInsertRowid,
    );
    const ref = { key, id, label: concept.label };
    this.keyOf.set(concept.key, ref);
    this.byLabel.set(foldLabel(concept.label), ref);
    report.concepts.added++;
    if (report.adding.concepts.length < SHOWN_NEW_CONCEPTS) {
      report.adding.concepts.push({
        label: concept.label,
        category:
          this.fileCategories.get(concept.category ?? '')?.label ??
          concept.category ??
          UNCATEGORISED,
      });
    }
    if (concept.position) {
      statements.position.run(key, concept.position.x, concept.position.y);
      this.lowest = {
        x: Math.min(this.lowest?.x ?? Infinity, concept.position.x),
        y: Math.min(this.lowest?.y ?? Infinity, concept.position.y),
      };
    }
    for (const tag of concept.tags) statements.tag.run(key, tag);
    if (concept.note.trim()) statements.note.run(key, concept.note);
    for (const a of concept.attributes) statements.attribute.run(key, a.name, a.type, a.value);
  }

  private end(ref: string): ConceptRef | undefined {
    return this.keyOf.get(ref) ?? (this.statements.byId.get(ref) as ConceptRef | undefined);
  }

  link(link: ImportedLink): void {
    const source = this.end(link.source);
    const target = this.end(link.target);
    // An end defined further down the file: wait for it.
    if (!source || !target) this.pending.push(link);
    else this.links.write(link, source.key, target.key);
  }

  /** Everything that needs the whole file: late links, positions, notes, indexes, conflicts. */
  finish(resolutions: ImportResolutions | undefined): void {
    for (const link of this.pending) {
      const source = this.end(link.source);
      const target = this.end(link.target);
      const missing = !source ? link.source : !target ? link.target : null;
      if (missing !== null)
        throw importError(
          this.report.file,
          link.line,
          `a link points at "${missing.slice(0, 80)}", which is neither in the file nor in the graph`,
        );
      this.links.write(link, source!.key, target!.key);
    }
    this.placeBeside();
    const keys = new Map<string, number>();
    for (const [label, ref] of this.byLabel) keys.set(label, ref.key);
    this.report.links.mentions = deriveFromNotes(this.db, this.batch, keys);
    this.links.checkFileMentions();
    this.suspended?.restore(this.batch);
    this.conflicts.apply(this.recorder, resolutions);
    this.report.conflicts = { counts: this.conflicts.counted(), items: this.conflicts.items };
    this.report.adding.relations = addedLinks(this.db, this.batch);
    this.links.reportSkipped();
    this.report.viewsAdded = mergeViews(
      this.db,
      this.recorder,
      this.views,
      (id) => this.end(id)?.id,
      this.report.file,
      (sentence) => this.report.warnings.push(sentence),
    );
  }

  /**
   * A file's positions come from another drawing. Into a graph that already has a
   * layout, they move as one block to sit beside it (keeping their own arrangement),
   * so imported concepts never land on top of existing ones.
   */
  private placeBeside(): void {
    if (!this.lowest || !this.placedBefore) return;
    const existing = this.db
      .prepare(
        'SELECT max(x) AS maxX, min(y) AS minY FROM positions p JOIN concepts c ON c.key = p.concept WHERE c.import_batch IS NOT ?',
      )
      .get(this.batch) as { maxX: number; minY: number };
    this.db
      .prepare(
        'UPDATE positions SET x = x + ?, y = y + ? WHERE concept IN (SELECT key FROM concepts WHERE import_batch = ?)',
      )
      .run(existing.maxX + IMPORT_GAP - this.lowest.x, existing.minY - this.lowest.y, this.batch);
  }
}

/** How a caller feeds the merge: a whole graph at once, or a reader that streams into it. */
type Feed = (sink: ImportSink) => Promise<void> | void;

function mergeAndRecord(
  db: Database,
  merge: ImportMerge,
  recorder: ChangeRecorder | null,
  options: ImportOptions,
): ImportReport {
  merge.finish(options.resolutions);
  const { report } = merge;
  if (options.dryRun) throw new Rollback();
  report.newConceptIds = db
    .prepare('SELECT id FROM concepts WHERE import_batch = ? ORDER BY key')
    .pluck()
    .all(merge.batch) as string[];
  new History(db).recordImport(`Imported ${report.file}`, merge.batch, recorder!.finish());
  return report;
}

/**
 * Merges a graph read whole (a preview, the app's import) in one transaction. With
 * `dryRun` nothing is kept: the merge runs and is rolled back, so the preview's counts
 * and conflicts are exactly what the import would do.
 */
export function importGraph(
  db: Database,
  graph: ImportedGraph,
  file: string,
  options: ImportOptions = {},
): ImportReport {
  let report: ImportReport | undefined;
  const bulk = options.bulk ?? graph.concepts.length + graph.links.length >= BULK_IMPORT_ITEMS;
  const restoreKeys = bulk ? withoutForeignKeyChecks(db) : () => {};
  try {
    db.transaction(() => {
      const recorder = options.dryRun ? null : new ChangeRecorder(db);
      const merge = new ImportMerge(db, file, graph.format, recorder ?? NOT_RECORDED, bulk);
      report = merge.report;
      replayGraph(graph, merge);
      mergeAndRecord(db, merge, recorder, options);
    }).immediate();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  } finally {
    restoreKeys();
  }
  return report!;
}

/**
 * The bulk path writes only keys it has just read or inserted (a concept's category from
 * resolveCategory, a link's ends from the concepts it matched or added), so checking
 * every foreign key of every row again costs a third of its time for nothing. SQLite
 * lets the setting change only outside a transaction: around it, on this connection,
 * which nothing else uses meanwhile (the merge is synchronous, or the CLI's own).
 */
function withoutForeignKeyChecks(db: Database): () => void {
  const before = db.pragma('foreign_keys', { simple: true }) as number;
  if (db.inTransaction) return () => {};
  db.pragma('foreign_keys = OFF');
  return () => db.pragma(`foreign_keys = ${before ? 'ON' : 'OFF'}`);
}

/**
 * Merges while a reader streams the file in (the CLI): the transaction stays open
 * across the reader's awaits, which is safe only on a connection nothing else uses
 * meanwhile. A failure at any point rolls everything back.
 */
export async function importStreamed(
  db: Database,
  feed: Feed,
  file: string,
  format: string,
  options: ImportOptions & { bulk: boolean },
): Promise<ImportReport> {
  const restoreKeys = options.bulk ? withoutForeignKeyChecks(db) : () => {};
  db.exec('BEGIN IMMEDIATE');
  let report: ImportReport | undefined;
  try {
    const recorder = options.dryRun ? null : new ChangeRecorder(db);
    const merge = new ImportMerge(db, file, format, recorder ?? NOT_RECORDED, options.bulk);
    report = merge.report;
    await feed(merge);
    mergeAndRecord(db, merge, recorder, options);
    db.exec('COMMIT');
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof Rollback) return report!;
    throw error;
  } finally {
    restoreKeys();
  }
}
