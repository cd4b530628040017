import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers';

/** Starts the real `cairn serve` (the built app) and returns its port and token. */
function serve(db: string) {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'cairn.cjs'), 'serve', '--db', db, '--port', '0', '--no-open'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The recent-graphs list goes beside the test's database, not into the user's home.
      env: { ...process.env, XDG_CONFIG_HOME: path.dirname(db) },
    },
  );
  const ready = new Promise<{ port: number; token: string }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(output);
      if (match) resolve({ port: Number(match[1]), token: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, ready, exited };
}

// The SIGKILL soak (issue 12): 40 kills during acknowledged writes and 12 during an
// import's confirm, each followed by a restart on the same file.
const WRITE_KILLS = 40;
const IMPORT_KILLS = 12;

// Four writes are always in flight, and the kill comes right after a given number of
// them were acknowledged (a different number each round), so every round kills the
// server in the middle of writing, however fast or slow the machine is.
const IN_FLIGHT = 4;

/** One call of the contract over HTTP, as the browser makes it. */
async function call(
  port: number,
  token: string,
  method: string,
  args: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

function checkIntegrity(db: string, also: (check: BetterSqlite3.Database) => void) {
  const check = new BetterSqlite3(db);
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    also(check);
  } finally {
    check.close();
  }
}

describe('a process killed with SIGKILL during a stream of writes', () => {
  it('loses no acknowledged edit and leaves a database that passes integrity_check', async () => {
    const db = path.join(tempDir(), 'graph.sqlite');
    const acknowledged: string[] = [];
    let written = 0;
    for (let round = 0; round < WRITE_KILLS; round++) {
      const server = serve(db);
      const { port, token } = await server.ready;
      const killAt = 3 + ((round * 7) % 40);
      let acknowledgedThisRound = 0;
      let killed = false;
      const write = async (): Promise<void> => {
        while (!killed) {
          const label = `Durable ${round}-${written++}`;
          try {
            const envelope = await call(port, token, 'createConcept', {
              label,
              category: 'Durability',
              description: 'x'.repeat(2000),
            });
            if (!envelope.ok) continue;
            acknowledged.push(label);
            if (++acknowledgedThisRound === killAt) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } catch {
            // The connection died with the process: this write was never acknowledged.
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, write));
      await server.exited;

      checkIntegrity(db, (check) => {
        const labels = new Set(
          (
            check.prepare("SELECT label FROM concepts WHERE origin = 'user'").all() as {
              label: string;
            }[]
          ).map((r) => r.label),
        );
        for (const label of acknowledged) expect(labels.has(label), label).toBe(true);
        // Every edit that landed is in the history, one entry each, and the search index agrees.
        expect(check.prepare('SELECT count(*) AS n FROM changes').get()).toEqual({
          n: labels.size,
        });
        expect(
          check
            .prepare(
              "SELECT count(*) AS n FROM concept_search WHERE concept_search MATCH 'durable'",
            )
            .get(),
        ).toEqual({ n: labels.size });
      });
    }
  }, 120_000);
});

/** A Cairn JSON file of `size` concepts, each linked to the next two, with ids that start `prefix`. */
function importFile(prefix: string, size: number) {
  const concepts = Array.from({ length: size }, (_, i) => ({
    id: `${prefix}${i}`,
    label: `${prefix} concept ${i}`,
    category: 'Soak',
    description: `Concept ${i} of an import killed on purpose.`,
    note: i % 10 === 0 ? `Links to [[${prefix} concept ${(i + 1) % size}]].` : '',
  }));
  const links = concepts.flatMap((_, i) => [
    { source: `${prefix}${i}`, target: `${prefix}${(i + 1) % size}`, relation: 'precedes' },
    { source: `${prefix}${i}`, target: `${prefix}${(i + 2) % size}`, relation: 'skips to' },
  ]);
  const json = JSON.stringify({ format: 'cairn-graph', version: 1, concepts, links });
  return [{ path: `${prefix}.json`, base64: Buffer.from(json).toString('base64') }];
}

const IMPORT_SIZE = 3_000;

describe('a process killed with SIGKILL while it writes a confirmed import', () => {
  it('keeps the import whole or not at all, and always once it was acknowledged', async () => {
    const db = path.join(tempDir(), 'graph.sqlite');
    // How long a confirm takes here, measured on round 0 (not killed): the kills are
    // spread over one and a half times that, so that some land before the commit and
    // some after it.
    let confirmMs = 0;
    const outcomes = { kept: 0, undone: 0 };
    for (let round = 0; round <= IMPORT_KILLS; round++) {
      const server = serve(db);
      const { port, token } = await server.ready;
      const prefix = `soak${round}-`;
      const started = await call(port, token, 'startImport', {
        files: importFile(prefix, IMPORT_SIZE),
      });
      expect(started.ok, started.error?.message).toBe(true);
      let job = started.value as { id: string; state: string };
      while (job.state === 'reading') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        job = (await call(port, token, 'getImportJob', { id: job.id })).value as typeof job;
      }
      expect(job.state).toBe('ready');
      const sent = performance.now();
      const confirmed = call(port, token, 'confirmImport', { id: job.id }).then(
        (envelope) => envelope.ok,
        () => false,
      );
      if (round === 0) {
        expect(await confirmed).toBe(true);
        confirmMs = performance.now() - sent;
        server.child.kill('SIGKILL');
      } else {
        await new Promise((resolve) =>
          setTimeout(resolve, (1.5 * confirmMs * round) / IMPORT_KILLS),
        );
        server.child.kill('SIGKILL');
      }
      const acknowledged = await confirmed;
      await server.exited;
      checkIntegrity(db, (check) => {
        const count = (table: string, column: string) =>
          (
            check
              .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE ?`)
              .get(`${prefix}%`) as { n: number }
          ).n;
        const concepts = count('concepts', 'id');
        const links = (
          check
            .prepare(
              "SELECT count(*) AS n FROM links JOIN concepts ON concepts.key = links.source WHERE concepts.id LIKE ? AND links.kind = 'typed'",
            )
            .get(`${prefix}%`) as { n: number }
        ).n;
        // All of it or none of it; and once the user was told it was done, all of it.
        expect([concepts, links]).toEqual(concepts === 0 ? [0, 0] : [IMPORT_SIZE, 2 * IMPORT_SIZE]);
        if (acknowledged) expect(concepts).toBe(IMPORT_SIZE);
        if (round > 0) outcomes[concepts === 0 ? 'undone' : 'kept']++;
      });
    }
    // The kills landed on both sides of the commit: the soak tested what it claims.
    expect(outcomes.undone).toBeGreaterThan(0);
    expect(outcomes.kept).toBeGreaterThan(0);
  }, 180_000);
});
