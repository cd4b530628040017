import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { openGraph } from '../../src/main/open-graph';
import { MUTATION_NAMES, mutate } from '../fuzz/mutators';
import { makeSeeds, type FormatSeeds, type Seed } from '../fuzz/seeds';

// The import fuzzer (issue 12): mutated files of every format through `cairn import`,
// as a user would run it, into a copy of a graph holding the default graph. Whatever the
// file holds, the command ends with exit 0 or with one sentence that names what is wrong
// (never "unexpected error", never a stack trace), a refusal leaves every byte of the
// graph as it was, and a success leaves a database that passes quick_check.
//
// `npm test` runs a sample of each format (CAIRN_FUZZ_VARIANTS, 40 by default);
// `npm run test:fuzz` runs 1,000 of each. CAIRN_FUZZ_LOG=FILE writes one line per variant.

const VARIANTS = Number(process.env.CAIRN_FUZZ_VARIANTS ?? 40);
const LOG = process.env.CAIRN_FUZZ_LOG;
/** To make one failing variant again: its number (the log names it). */
const FROM = Number(process.env.CAIRN_FUZZ_FROM ?? 0);
/** Not a timing to meet but a hang: the bound for any one import of a fuzzed file. */
const HANG_MS = 10_000;

const sha256 = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The graph file and everything beside it: a refused import must leave all of it as it was. */
function fingerprint(db: string) {
  const dir = path.dirname(db);
  const beside = fs.readdirSync(dir).filter((name) => name.startsWith(path.basename(db)));
  return beside.sort().map((name) => `${name} ${sha256(path.join(dir, name))}`);
}

/**
 * Variant `n`'s first mutation is mutation `n mod 14` (mutators.ts); the seed, and a
 * folder's mutated file, change once every 14 variants, so that each seed meets every
 * mutation first.
 */
const round = (n: number) => Math.floor(n / MUTATION_NAMES.length);

/** Writes variant `n` of a seed where `cairn import` will read it; returns the path to give. */
function writeVariant(seed: Seed, format: FormatSeeds, n: number, dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  if ('file' in seed) {
    const { bytes, mutations } = mutate(seed.file, format.syntax, n);
    const target = path.join(dir, seed.name);
    fs.writeFileSync(target, bytes);
    return { target, mutations };
  }
  // A folder: one of its files is the one mutated; now and then it also gets a hostile name.
  const names = [...seed.folder.keys()];
  const victim = names[round(n) % names.length]!;
  const { bytes, mutations } = mutate(seed.folder.get(victim)!, format.syntax, n);
  const target = path.join(dir, seed.name);
  fs.mkdirSync(target);
  for (const [name, content] of seed.folder) {
    const renamed =
      name === victim && format.format === 'markdown' && round(n) % 7 === 3
        ? path.join(path.dirname(name), '__proto__.md')
        : name;
    fs.mkdirSync(path.dirname(path.join(target, renamed)), { recursive: true });
    fs.writeFileSync(path.join(target, renamed), name === victim ? bytes : content);
  }
  return { target, mutations: [`${victim}: ${mutations.join('+')}`] };
}

interface Outcome {
  code: number;
  message: string;
  lines: string[];
  ms: number;
}

async function importVariant(db: string, target: string, format: string): Promise<Outcome> {
  const stderr: string[] = [];
  const started = performance.now();
  const code = await runCli(['import', '--db', db, '--file', target, '--format', format], {
    stdout: () => {},
    stderr: (line) => stderr.push(line),
    isTty: false,
  });
  return { code, message: stderr.join(' / '), lines: stderr, ms: performance.now() - started };
}

/** What is wrong with one outcome, or null when it is as it must be. */
function fault(outcome: Outcome, db: string, before: string[]): string | null {
  if (outcome.ms > HANG_MS) return `ran ${Math.round(outcome.ms)} ms`;
  if (/unexpected error/i.test(outcome.message)) return outcome.message;
  if (outcome.code === 0) {
    const check = new BetterSqlite3(db, { readonly: true });
    try {
      const verdict = check.pragma('quick_check', { simple: true });
      return verdict === 'ok' ? null : `imported, but quick_check says ${String(verdict)}`;
    } finally {
      check.close();
    }
  }
  if (outcome.code !== 1) return `exit ${outcome.code}: ${outcome.message}`;
  if (outcome.lines.length !== 1 || !outcome.lines[0]!.startsWith('cairn: '))
    return `not one line: ${JSON.stringify(outcome.lines).slice(0, 300)}`;
  const after = fingerprint(db);
  if (JSON.stringify(after) !== JSON.stringify(before))
    return `refused, but the graph file changed: ${outcome.message}`;
  return null;
}

describe('the import fuzzer', async () => {
  // Not tempDir(): that is emptied after each test, and the seeds serve every format.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fuzz-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const formats = await makeSeeds(work);
  // The graph every variant is imported into, closed cleanly: a copy of it per variant.
  const template = path.join(work, 'template.sqlite');
  openGraph(template).db.close();

  it.each(formats.map((f) => [f.format, f] as const))(
    `reads ${VARIANTS} mutated %s files with exit 0 or one sentence, changing nothing when it refuses`,
    async (_name, format) => {
      const db = path.join(work, format.format, 'graph.sqlite');
      fs.mkdirSync(path.dirname(db), { recursive: true });
      const faults: string[] = [];
      let refused = 0;
      for (let n = FROM; n < FROM + VARIANTS; n++) {
        const seed = format.seeds[round(n) % format.seeds.length]!;
        const { target, mutations } = writeVariant(seed, format, n, path.join(work, 'input'));
        for (const name of fs.readdirSync(path.dirname(db)))
          fs.rmSync(path.join(path.dirname(db), name));
        fs.copyFileSync(template, db);
        const before = fingerprint(db);
        const outcome = await importVariant(db, target, format.format);
        if (outcome.code !== 0) refused++;
        const what = `${format.format} #${n} (${seed.name}, ${mutations.join('+')})`;
        const problem = fault(outcome, db, before);
        if (problem) faults.push(`${what}: ${problem}`);
        // Written as it goes, so that a run that dies says where.
        if (LOG)
          fs.appendFileSync(
            LOG,
            `${what} exit ${outcome.code} ${Math.round(outcome.ms)} ms ${outcome.message}\n`,
          );
      }
      expect(faults).toEqual([]);
      // A fuzzer whose every variant is refused, or none, is not exercising the readers.
      expect(refused).toBeGreaterThan(0);
      expect(refused).toBeLessThan(VARIANTS);
    },
    // The whole format's run, not one import: each import has its own bound above.
    VARIANTS * HANG_MS,
  );
});
