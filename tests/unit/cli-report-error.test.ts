import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EXIT, reportError, UsageError } from '../../src/main/cli/output';
import { CairnError } from '../../src/shared/errors';

function reported(error: unknown, env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = reportError(error, (line) => lines.push(line), env);
  return { code, lines };
}

describe('how the CLI reports an error', () => {
  it('gives a usage mistake its own exit code and a pointer to --help', () => {
    expect(reported(new UsageError('unknown option --x'))).toEqual({
      code: EXIT.usage,
      lines: ['cairn: unknown option --x (see cairn --help)'],
    });
  });

  it('says a damaged page in one sentence, not as an unexpected error', () => {
    const { code, lines } = reported(
      new BetterSqlite3.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'),
    );
    expect(code).toBe(EXIT.failed);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^cairn: The graph file is damaged where this command had to read it: /,
    );
  });

  it('keeps the stack of an unexpected error for CAIRN_DEBUG only', () => {
    expect(reported(new Error('boom\nsecond line')).lines).toEqual([
      'cairn: unexpected error: boom',
    ]);
    expect(reported(new Error('boom'), { CAIRN_DEBUG: '1' }).lines).toHaveLength(2);
    expect(reported(new CairnError('io', 'It cannot be read.')).lines).toEqual([
      'cairn: It cannot be read.',
    ]);
  });
});
