import fs from 'node:fs';
import path from 'node:path';
import {
  IMPORT_CONFLICT_KINDS,
  type ImportConflictKind,
  type ImportReport,
  type ImportResolutions,
} from '../../shared/domain';
import { isImportFormat, unknownImportFormat } from '../../shared/import-formats';
import { importStreamed, resolveFormat } from '../services/import';
import { streamImportInWorker } from '../services/import/parse-in-worker';
import type { CommandContext } from './commands';
import { UsageError } from './output';

interface ImportOptions {
  file: string;
  format: string | undefined;
  dryRun: boolean;
  /** What a conflict with a concept already in the graph keeps: the graph's (default) or the file's. */
  conflicts: string | undefined;
  stderr: (line: string) => void;
  isTty: boolean;
}

/** A one-line progress bar, redrawn in place on a terminal (and silent when piped). */
function progressBar(stderr: (line: string) => void, isTty: boolean, name: string) {
  if (!isTty) return { update: () => {}, done: () => {} };
  let last = -1;
  return {
    update(done: number, total: number) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (percent === last) return;
      last = percent;
      const filled = Math.round(percent / 5);
      process.stderr.write(
        `\rReading ${name} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${percent}%`,
      );
    },
    done() {
      if (last >= 0) process.stderr.write('\n');
    },
  };
}

/** From this size on (about 5,000 nodes of GraphML) the indexes are built once, at the end. */
const BULK_IMPORT_BYTES = 1 << 20;

function sizeOf(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(target, e.name)).size, 0);
}

function resolutionsFor(conflicts: string | undefined): ImportResolutions | undefined {
  if (conflicts === undefined || conflicts === 'keep-mine') return undefined;
  if (conflicts !== 'take-theirs')
    throw new UsageError(
      `--conflicts takes keep-mine or take-theirs, not "${conflicts.slice(0, 40)}".`,
    );
  return { choices: IMPORT_CONFLICT_KINDS.map((kind) => ({ kind, take: 'theirs' })), theirs: [] };
}

function conflictLine(kind: ImportConflictKind, count: number, takeTheirs: boolean): string {
  const what = kind === 'attributes' ? 'attribute values' : `a different ${kind}`;
  return takeTheirs
    ? `${count} of them hold ${what} in the file: the file’s was taken.`
    : `${count} of them hold ${what} in the file: the graph’s was kept (--conflicts take-theirs takes the file’s).`;
}

function describe(report: ImportReport, dryRun: boolean, takeTheirs: boolean): string[] {
  const verb = dryRun ? 'Would add' : 'Added';
  const lines = [
    `${verb} ${report.concepts.added} concepts and ${report.links.added} links from ${report.file} (${report.format}).`,
  ];
  if (report.links.mentions > 0)
    lines.push(`Their notes’ [[wikilinks]] make ${report.links.mentions} mention links.`);
  if (report.categoriesAdded.length > 0)
    lines.push(`New categories: ${report.categoriesAdded.join(', ')}.`);
  if (report.viewsAdded.length > 0) {
    const names = report.viewsAdded.map((name) => `“${name}”`).join(', ');
    lines.push(`Saved views: ${names}.`);
  }
  if (report.duplicateCount > 0) {
    lines.push(
      `${report.duplicateCount} concepts were already in the graph and were kept as they are:`,
    );
    for (const d of report.duplicates.slice(0, 20)) {
      lines.push(`  line ${d.line}: "${d.label}" matches "${d.existing}" by ${d.matchedBy}`);
    }
    if (report.duplicateCount > 20) lines.push(`  … and ${report.duplicateCount - 20} more`);
  }
  if (report.links.alreadyPresent > 0)
    lines.push(`${report.links.alreadyPresent} links were already there.`);
  for (const { kind, count } of report.conflicts.counts)
    lines.push(conflictLine(kind, count, takeTheirs));
  for (const warning of report.warnings) lines.push(`Note: ${warning}`);
  if (dryRun) lines.push('Nothing was written (--dry-run).');
  else lines.push('Undo in the app takes the whole import back.');
  return lines;
}

export async function importCommand(
  context: CommandContext,
  options: ImportOptions,
): Promise<void> {
  const name = path.basename(options.file);
  const format = options.format;
  if (format !== undefined && !isImportFormat(format)) {
    throw new UsageError(unknownImportFormat(format));
  }
  const bar = progressBar(options.stderr, options.isTty, name);
  // Ctrl+C while reading stops cleanly; the database is only touched after reading.
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const chosen = resolveFormat(options.file, format);
    // The file is parsed on a worker thread while this one writes what it has read.
    const report = await importStreamed(
      context.db,
      (sink) =>
        streamImportInWorker(options.file, chosen, sink, {
          onProgress: bar.update,
          signal: abort.signal,
        }),
      name,
      chosen,
      {
        dryRun: options.dryRun,
        bulk: sizeOf(options.file) >= BULK_IMPORT_BYTES,
        resolutions: resolutionsFor(options.conflicts),
      },
    );
    bar.done();
    for (const line of describe(report, options.dryRun, options.conflicts === 'take-theirs'))
      context.stdout(line);
  } finally {
    process.off('SIGINT', onInterrupt);
    bar.done();
  }
}
