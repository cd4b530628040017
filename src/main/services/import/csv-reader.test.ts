import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '.';
import { lineEndings } from './csv-reader';

describe('the line ending of a CSV file', () => {
  it('is read from the first line break of its first chunk', () => {
    expect(lineEndings('source,target\nPod,Node\n')).toEqual(['\n']);
    expect(lineEndings('source,target\r\nPod,Node\r\n')).toEqual(['\r\n', '\r']);
    expect(lineEndings('source,target\rPod,Node\r')).toEqual(['\r']);
    // A chunk that ends in a CR may continue with its LF.
    expect(lineEndings('source,target\r')).toEqual(['\r\n', '\r']);
    expect(lineEndings('x'.repeat(100))).toEqual(['\r\n', '\n', '\r']);
  });

  it('keeps a stray CR inside a value of a file whose lines end in LF', async () => {
    // The CR stays in the relation (which then refuses it as a control character)
    // instead of splitting the record in two.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-csv-'));
    try {
      const file = path.join(dir, 'edges.csv');
      fs.writeFileSync(file, 'source,target,relation\nPod,Node,runs\ron\n');
      await expect(readImport(file, 'csv')).rejects.toThrow(
        'The relation cannot contain control characters (found U+000D at position 5)',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
