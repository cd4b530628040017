import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers';

// On these machines the Electron binary cannot be downloaded, so `npm start` must
// say so in one line and fall back to browser mode. (Where the binary exists it
// opens the desktop app instead, which cannot run here.)
// (Not require('electron'): since Electron 45 that starts a download when the binary is missing.)
const electronInstalled = fs.existsSync(
  path.join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'),
);

describe.runIf(!electronInstalled)('npm start without the Electron binary', () => {
  it('says so in one line and serves browser mode on loopback', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts', 'start.mjs'),
        '--db',
        path.join(dir, 'g.sqlite'),
        '--port',
        '0',
        '--no-open',
      ],
      // The recent-graphs list goes into the test's folder, not the user's home; CI
      // says the Electron download cannot work, as .ci/run does.
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, XDG_CONFIG_HOME: dir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      },
    );
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/Cairn is running at/.test(output)) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
      });
    } finally {
      child.kill('SIGTERM');
    }
    const lines = output.trim().split('\n');
    expect(lines[0]).toBe(
      'Electron is not installed on this machine (its download was skipped or blocked), so Cairn opens in your browser instead.',
    );
    expect(output).toMatch(/Cairn is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}/);
  });
});
