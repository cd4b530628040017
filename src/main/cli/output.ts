import { CairnError } from '../../shared/errors';
import { damagedWhileReading } from '../db/connection';

/** A mistake in how the command was called: exit code 2, with a pointer to --help. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * The one place the CLI turns an error into words. A user sees one line; the stack
 * of an unexpected error is shown only when CAIRN_DEBUG is set.
 */
export function reportError(
  error: unknown,
  stderr: (line: string) => void,
  env = process.env,
): number {
  if (error instanceof UsageError) {
    stderr(`cairn: ${error.message} (see cairn --help)`);
    return EXIT.usage;
  }
  if (error instanceof CairnError) {
    stderr(`cairn: ${error.message}`);
    return EXIT.failed;
  }
  const damaged = damagedWhileReading(error, 'this command');
  if (damaged) {
    stderr(`cairn: ${damaged.message}`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr(`cairn: unexpected error: ${message.split('\n')[0]}`);
  if (env.CAIRN_DEBUG && error instanceof Error && error.stack) stderr(error.stack);
  return EXIT.failed;
}

/** Left-aligned columns for terminal tables. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
}
