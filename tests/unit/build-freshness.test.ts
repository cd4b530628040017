import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildIsStale } from '../../scripts/build-freshness.mjs';
import { tempDir } from './helpers';

function project(): string {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'src', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'renderer', 'app.ts'), 'old');
  fs.writeFileSync(path.join(root, 'package.json'), '{}');
  const past = new Date(Date.now() - 60_000);
  for (const file of ['src/renderer/app.ts', 'src/renderer', 'src', 'package.json']) {
    fs.utimesSync(path.join(root, file), past, past);
  }
  return root;
}

function build(root: string): void {
  for (const output of BUILD_OUTPUTS) {
    fs.mkdirSync(path.dirname(path.join(root, output)), { recursive: true });
    fs.writeFileSync(path.join(root, output), 'built');
  }
}

describe('npm start rebuilds when the build is stale', () => {
  it('builds when there is no build, and not again until a source changes', () => {
    const root = project();
    expect(buildIsStale(root)).toBe(true);
    build(root);
    expect(buildIsStale(root)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src', 'renderer', 'app.ts'), later, later);
    expect(buildIsStale(root)).toBe(true);
  });

  it('is stale when one of the outputs is missing', () => {
    const root = project();
    build(root);
    fs.rmSync(path.join(root, 'out', 'preload', 'index.js'));
    expect(buildIsStale(root)).toBe(true);
  });
});
