import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/main/make-folders';
import { tempDir } from './helpers';

describe('makeFolders', () => {
  it('makes every missing level, and is a no-op for a folder that exists', () => {
    const root = tempDir();
    makeFolders(path.join(root, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeFolders(path.join(root, 'a', 'b', 'c'));
  });

  it('fails at once under /proc, where Node’s recursive mkdir never returns', () => {
    expect(() => makeFolders('/proc/1/cairn/graph')).toThrow(/ENOENT/);
  });

  it('fails when part of the path is a file', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() => makeFolders(path.join(root, 'file', 'sub'))).toThrow(/ENOTDIR|EEXIST/);
  });
});
