import type { Database } from 'better-sqlite3';
import type { ImportReport, LinkKind } from '../../../shared/domain';
import type { ImportedAttribute, ImportedLink } from './imported-graph';

const SHOWN_LINES = 5;

/** "line 3", "lines 3, 9 and 12", "lines 3, 9, 12, … (40 in all)". */
function lines(found: readonly number[], count: number): string {
  if (count === 1) return `line ${found[0]}`;
  const shown = found.slice(0, SHOWN_LINES).join(', ');
  return count > SHOWN_LINES ? `lines ${shown}, …` : `lines ${shown}`;
}

/**
 * Writes an import's typed links. GraphML and GEXF allow several edges between the same
 * pair with the same relation: one that repeats an earlier edge exactly is merged into
 * it, and one that differs (another note or attribute values) is kept as a parallel link.
 * A link already in the graph stays as it is. Every link it cannot keep (one from a
 * concept to itself) is counted and named by its line.
 */
export class LinkWriter {
  private readonly insert;
  private readonly insertAttribute;
  private readonly sameEnds;
  private readonly attributesOf;
  private readonly selfLines: number[] = [];
  private readonly fileMentions: { source: number; target: number; line: number }[] = [];

  constructor(
    private readonly db: Database,
    private readonly batch: number,
    private readonly file: string,
    private readonly report: ImportReport,
  ) {
    this.insert = db.prepare(
      `INSERT INTO links (source, target, relation, origin, kind, note, import_batch, parallel)
       VALUES (?, ?, ?, 'import', 'typed', ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.insertAttribute = db.prepare(
      'INSERT INTO link_attributes (link, name, type, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.sameEnds = db.prepare(
      `SELECT id, note, import_batch AS batch, parallel FROM links
       WHERE source = ? AND target = ? AND relation = ? AND kind = 'typed' ORDER BY parallel`,
    );
    this.attributesOf = db.prepare(
      'SELECT name, type, value FROM link_attributes WHERE link = ? ORDER BY name',
    );
  }

  write(link: ImportedLink, source: number, target: number): void {
    // A note's mention link is made again from the note itself (import-notes.ts).
    if (link.kind === 'mention') {
      this.fileMentions.push({ source, target, line: link.line });
      return;
    }
    if (source === target) {
      this.selfLines.push(link.line);
      return;
    }
    const added = this.insert.run(source, target, link.relation, link.note, this.batch, 0);
    if (added.changes > 0) {
      this.report.links.added++;
      this.writeAttributes(Number(added.lastInsertRowid), link.attributes);
      return;
    }
    const twins = this.sameEnds.all(source, target, link.relation) as {
      id: number;
      note: string | null;
      batch: number | null;
      parallel: number;
    }[];
    if (twins[0]!.batch !== this.batch) {
      this.report.links.alreadyPresent++;
      return;
    }
    const signature = this.signature(link.note, link.attributes);
    if (twins.some((twin) => this.signature(twin.note, this.attributes(twin.id)) === signature)) {
      this.report.links.merged++;
      return;
    }
    const parallel = twins.at(-1)!.parallel + 1;
    const kept = this.insert.run(source, target, link.relation, link.note, this.batch, parallel);
    this.report.links.added++;
    this.writeAttributes(Number(kept.lastInsertRowid), link.attributes);
  }

  private attributes(link: number): ImportedAttribute[] {
    return this.attributesOf.all(link) as ImportedAttribute[];
  }

  private signature(note: string | null, attributes: readonly ImportedAttribute[]): string {
    const sorted = [...attributes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return JSON.stringify([note ?? '', sorted.map((a) => [a.name, a.type, a.value])]);
  }

  private writeAttributes(link: number, attributes: readonly ImportedAttribute[]): void {
    for (const a of attributes) this.insertAttribute.run(link, a.name, a.type, a.value);
  }

  /**
   * A file's mention links (Cairn's exports mark them) come back from the notes. One
   * whose note did not come along (its concept was already in the graph) or no longer
   * names the target is not made, and the report says so.
   */
  checkFileMentions(): void {
    const made = this.db.prepare(
      "SELECT 1 FROM links WHERE source = ? AND target = ? AND kind = 'mention'",
    );
    const missing = this.fileMentions.filter((m) => !made.get(m.source, m.target));
    if (missing.length === 0) return;
    const n = missing.length;
    this.report.warnings.push(
      `${n.toLocaleString('en')} mention link${n === 1 ? '' : 's'} of ${this.file} (${lines(
        missing.map((m) => m.line),
        n,
      )}) ${n === 1 ? 'was' : 'were'} not kept: a mention comes from a [[wikilink]] in a note, and the note in the graph does not name that concept.`,
    );
  }

  reportSkipped(): void {
    const n = this.selfLines.length;
    this.report.links.skipped = n;
    if (n > 0) {
      this.report.warnings.push(
        `${n.toLocaleString('en')} link${n === 1 ? '' : 's'} from a concept to itself (${this.file}, ${lines(this.selfLines, n)}) ${n === 1 ? 'was' : 'were'} not kept: a Cairn link joins two concepts.`,
      );
    }
    const merged = this.report.links.merged;
    if (merged > 0) {
      this.report.warnings.push(
        `${merged.toLocaleString('en')} edge${merged === 1 ? '' : 's'} repeated an earlier one exactly (the same ends, relation, note and attributes) and ${merged === 1 ? 'was' : 'were'} merged into it.`,
      );
    }
  }
}

/** The links an import adds, by relation and kind, for the preview. */
export function addedLinks(
  db: Database,
  batch: number,
): { relation: string; kind: LinkKind; count: number }[] {
  return db
    .prepare(
      `SELECT relation, kind, count(*) AS count FROM links WHERE import_batch = ?
       GROUP BY relation, kind ORDER BY count DESC, relation`,
    )
    .all(batch) as { relation: string; kind: LinkKind; count: number }[];
}
