import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers';

// What a person sees on the terminal when something goes wrong: one line on stderr,
// never a stack trace or a library's warnings.

const CLI = path.join(REPO_ROOT, 'bin', 'cairn.cjs');

function cairn(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('the cairn command on a terminal', () => {
  it('stops quietly when the reader of its output goes away (cairn stats | head -1)', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    expect(cairn('stats', '--db', db).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'stats', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the pipe before Cairn writes a line: every write then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints no YAML warnings before the one line of an import error', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    fs.writeFileSync(path.join(vault, 'a.md'), '---\nx: !foo bar\n---\nSee [[b]].\n');
    fs.writeFileSync(path.join(vault, 'b.md'), '---\ny: !bar [1\n---\n');
    const result = cairn('import', '--db', path.join(dir, 'g.sqlite'), '--file', vault);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('Created '))).toEqual([
      expect.stringMatching(/^cairn: vault\/b\.md, line 2: the front matter is not valid YAML/),
      '',
    ]);
  });

  it.each([
    ['deep.json', '['.repeat(10_000) + ']'.repeat(10_000)],
    [
      'deep.cyjs',
      '{"elements":{"nodes":[{"data":{"id":"a","x":' +
        '{"a":'.repeat(10_000) +
        '1' +
        '}'.repeat(10_000) +
        '}}]}}',
    ],
  ])('refuses JSON nested 10,000 deep (%s) with its own sentence', (name, text) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, name), text);
    const result = cairn(
      'import',
      '--db',
      path.join(dir, 'g.sqlite'),
      '--file',
      path.join(dir, name),
      '--dry-run',
    );
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('Created '))).toEqual([
      `cairn: ${name}, line 1: the JSON is nested more than 1,000 levels deep; Cairn reads at most 1,000.`,
      '',
    ]);
  });

  // Found by the import fuzzer: yaml rescanned the text for every error's context, so
  // 20,000 broken items took 32 s (10,000 take 0.9 s now) and a 4.8 MB front matter exhausted the heap (SIGABRT).
  it.each([
    [
      'broken flow items',
      '---\naliases:\n  - A\n' + '[[a]] '.repeat(10_000) + '\n---\nText.\n',
      /^cairn: vault\/a\.md, line 4: the front matter is not valid YAML \(/,
    ],
    [
      'front matter over 65,536 characters',
      '---\naliases:\n' + '  - alias\n'.repeat(30_000) + '---\nText.\n',
      /^cairn: vault\/a\.md, line 2: the front matter is 300,008 characters long; Cairn reads at most 65,536\.$/,
    ],
  ])('refuses a note whose front matter holds %s in one sentence', (_what, note, message) => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'vault'));
    fs.writeFileSync(path.join(dir, 'vault', 'a.md'), note);
    const result = cairn(
      'import',
      '--db',
      path.join(dir, 'g.sqlite'),
      '--file',
      path.join(dir, 'vault'),
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => !l.startsWith('Created '));
    expect(lines).toEqual([expect.stringMatching(message), '']);
  });

  // Found by the import fuzzer: saxes reports every bad character and went on, and each
  // report became an error object: 2 million of them took 17 s before the refusal.
  it('refuses XML full of disallowed characters at the first one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.graphml');
    fs.writeFileSync(
      file,
      '<?xml version="1.0"?>\n<graphml><graph>\n<node id="a">' +
        '\u0001'.repeat(4_000_000) +
        '</node></graph></graphml>',
    );
    const result = cairn('import', '--db', path.join(dir, 'g.sqlite'), '--file', file);
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('Created '))).toEqual([
      'cairn: bad.graphml, line 3: the XML is malformed (disallowed character.).',
      '',
    ]);
    // Not a speed to meet: the bound on any one import (it took 18.5 s before).
  }, 10_000);
});
