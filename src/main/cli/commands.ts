import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { SnippetPart } from '../../shared/domain';
import { unknownExportFormat } from '../../shared/export-formats';
import {
  EXPORT_FORMATS,
  exportFormatSpec,
  exportGraph,
  isExportFormat,
} from '../services/export/export';
import { SearchService } from '../services/search';
import { graphStats } from '../services/stats';
import { changeAt, TimeMachine, timelineOf } from '../services/time-travel/time-machine';
import { quotedName, viewByName, viewContents } from '../services/views/saved-views';
import { table, UsageError } from './output';

export interface CommandContext {
  db: Database;
  databasePath: string;
  stdout: (line: string) => void;
}

export function statsCommand({ db, databasePath, stdout }: CommandContext): void {
  const stats = graphStats(db);
  stdout(`${databasePath}`);
  stdout(
    `${stats.concepts} concepts · ${stats.links} links · ${stats.notes} notes · ${stats.tags} tags\n`,
  );
  stdout('Concepts by category');
  stdout(table(stats.byCategory.map((c) => ['  ' + String(c.count).padStart(5), c.label])));
  stdout('\nLinks by relation');
  stdout(table(stats.byRelation.map((r) => ['  ' + String(r.count).padStart(5), r.label])));
  stdout('\nConcepts by origin');
  stdout(table(stats.byOrigin.map((o) => ['  ' + String(o.count).padStart(5), o.label])));
}

/** Matched words are shown in bold on a terminal, and in [brackets] when piped. */
function formatSnippet(parts: SnippetPart[], tty: boolean): string {
  const flat = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  return flat
    .map((p) => (p.match ? (tty ? `\u001b[1m${p.text}\u001b[22m` : `[${p.text}]`) : p.text))
    .join('');
}

export function searchCommand(
  context: CommandContext,
  text: string,
  limit: number,
  tty: boolean,
): number {
  if (text.trim().length === 0)
    throw new UsageError('search needs some text, e.g. cairn search etcd');
  const hits = new SearchService(context.db).search(text, limit);
  if (hits.length === 0) {
    context.stdout(`No concept matches "${text}".`);
    return 0;
  }
  hits.forEach((hit, index) => {
    context.stdout(
      `${String(index + 1).padStart(2)}. ${hit.label}  (${hit.category}, id ${hit.id})`,
    );
    context.stdout(`    ${formatSnippet(hit.snippet, tty)}`);
  });
  return hits.length;
}

export function exportCommand(
  context: CommandContext & { stderr: (line: string) => void },
  format: string | undefined,
  out: string | undefined,
  viewName?: string,
  asOf?: Date,
): void {
  if (!format) throw new UsageError(`export needs --format (one of ${EXPORT_FORMATS.join(', ')})`);
  if (!isExportFormat(format)) throw new UsageError(unknownExportFormat(format));
  if (!out) {
    const folder = exportFormatSpec(format).target === 'folder';
    throw new UsageError(`export needs --out ${folder ? 'FOLDER' : 'FILE'}`);
  }
  // --as-of: the graph as it was then, rebuilt from the history in memory.
  const machine = asOf ? new TimeMachine(context.db) : null;
  try {
    let db = context.db;
    let when = '';
    if (machine && asOf) {
      const after = changeAt(context.db, asOf);
      const state = machine.travelTo(after, asOf);
      db = machine.past!;
      const change = timelineOf(context.db).entries.find((e) => e.id === after);
      when = change
        ? ` as of ${asOf.toISOString()} (after “${change.summary}”, ${change.at})`
        : ` as of ${asOf.toISOString()} (before the first recorded change)`;
      for (const caveat of state.caveats) context.stderr(caveat);
    }
    const view = viewName === undefined ? null : viewByName(db, viewName);
    const summary = exportGraph(
      db,
      format,
      out,
      view ? (viewContents(db, view.spec) ?? undefined) : undefined,
    );
    context.stdout(
      `Exported ${summary.concepts} concepts and ${summary.links} links${view ? ` (the view ${quotedName(view.name)})` : ''}${when} as ${summary.format} to ${path.resolve(summary.file)}${summary.target === 'folder' ? path.sep : ''}`,
    );
  } finally {
    machine?.end();
  }
}

/** The list of export formats for `cairn --help`, from the same registry the exporter uses. */
export function exportFormatsHelp(): string {
  const width = Math.max(...EXPORT_FORMATS.map((f) => f.length));
  return EXPORT_FORMATS.map((format) => {
    const spec = exportFormatSpec(format);
    const where = spec.target === 'folder' ? ' (--out is a folder)' : ` (.${spec.extension})`;
    return `  ${format.padEnd(width)}  ${spec.summary}${where}`;
  }).join('\n');
}
