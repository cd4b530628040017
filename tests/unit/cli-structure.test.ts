import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphStructure } from '../../src/shared/structure';
import { cli, tempDir } from './helpers';

describe('cairn stats --top', () => {
  it('prints the structure after the counts, and the same to scripts with --json', async () => {
    const db = path.join(tempDir(), 'g.sqlite');
    const text = await cli('stats', '--db', db, '--top', '3');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Concepts by category[\s\S]*Structure \(measured /);
    expect(text.stdout).toMatch(/Top 3 by PageRank\n\s+0\.\d+\s+Cloud computing/);
    expect(text.stdout).toMatch(/Top 3 by betweenness\n\s+0\.\d+\s+Kubernetes/);
    expect(text.stdout).toMatch(/Largest communities\n\s+1\.\s+\d+\s+\S/);
    expect(text.stdout).toMatch(/Concepts by number of links\n\s+1\s+\d+\s+█+/);

    const json = await cli('stats', '--db', db, '--top', '2', '--json');
    expect(json.code).toBe(0);
    const { counts, structure } = JSON.parse(json.stdout) as {
      counts: { concepts: number };
      structure: GraphStructure;
    };
    expect(structure.concepts).toBe(counts.concepts);
    expect(structure.top.every((t) => t.concepts.length === 2)).toBe(true);
    expect(structure.top.find((t) => t.measure === 'pagerank')!.concepts[0]!.concept.id).toBe(
      'cloud-computing',
    );
    // Without --top, --json gives the counts alone, and nothing is measured.
    const countsOnly = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as object;
    expect(Object.keys(countsOnly)).toEqual(['counts']);
  });

  it('refuses a --top outside 1 to 100 with one line', async () => {
    const result = await cli('stats', '--top', '0', '--db', path.join(tempDir(), 'g.sqlite'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'cairn: --top must be a whole number from 1 to 100, not "0" (see cairn --help)',
    );
  });
});
