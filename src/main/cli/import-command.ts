import path from 'node:path';
import type { ImportReport } from '../../shared/domain';
import { isImportFormat, unknownImportFormat } from '../../shared/import-formats';
import { importGraph, readImport } from '../services/import';
import type { CommandContext } from './commands';
import { UsageError } from './output';

interface ImportOptions {
  file: string;
  format: string | undefined;
  dryRun: boolean;
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

function describe(report: ImportReport, dryRun: boolean): string[] {
  const verb = dryRun ? 'Would add' : 'Added';
  const lines = [
    `${verb} ${report.concepts.added} concepts and ${report.links.added} links from ${report.file} (${report.format}).`,
  ];
  if (report.categoriesAdded.length > 0)
    lines.push(`New categories: ${report.categoriesAdded.join(', ')}.`);
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
  for (const warning of report.warnings) lines.push(`Note: ${warning}`);
  if (dryRun) lines.push('Nothing was written (--dry-run).');
  else if (report.undoable) lines.push('Undo in the app takes the whole import back.');
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
    const graph = await readImport(options.file, format, {
      onProgress: bar.update,
      signal: abort.signal,
    });
    bar.done();
    const report = importGraph(context.db, graph, name, { dryRun: options.dryRun });
    for (const line of describe(report, options.dryRun)) context.stdout(line);
  } finally {
    process.off('SIGINT', onInterrupt);
    bar.done();
  }
}
