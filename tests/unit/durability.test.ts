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

// Four writes are always in flight, and the kill comes right after a given number of
// them were acknowledged (a different number each round), so every round kills the
// server in the middle of writing, however fast or slow the machine is.
const IN_FLIGHT = 4;

describe('a process killed with SIGKILL during a stream of writes', () => {
  it('loses no acknowledged edit and leaves a database that passes integrity_check', async () => {
    const db = path.join(tempDir(), 'graph.sqlite');
    const acknowledged: string[] = [];
    let written = 0;
    for (let round = 0; round < 6; round++) {
      const server = serve(db);
      const { port, token } = await server.ready;
      const killAt = 3 + round * 5;
      let acknowledgedThisRound = 0;
      let killed = false;
      const write = async (): Promise<void> => {
        while (!killed) {
          const label = `Durable ${round}-${written++}`;
          try {
            const response = await fetch(`http://127.0.0.1:${port}/api/createConcept`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
              body: JSON.stringify({
                label,
                category: 'Durability',
                description: 'x'.repeat(2000),
              }),
            });
            const envelope = (await response.json()) as { ok: boolean };
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

      const check = new BetterSqlite3(db);
      try {
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
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
      } finally {
        check.close();
      }
    }
  });
});
