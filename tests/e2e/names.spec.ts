import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CairnApp, expect, startCairn, test } from './fixtures';

// Names that have broken the graph before: Cytoscape read a label like `data(label)` as a
// style mapper and threw on every draw, and ids named like Object.prototype's members
// crashed the layout. Each now opens, draws and lays out like any other.
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const STYLE_MAPPERS = [
  'data(label)',
  'data(id)',
  'mapData(weight, 0, 10, red, blue)',
  'mapLayoutData(x, 0, 1, 10, 20)',
  'mapEdgeData(a, 0, 1, 1, 2)',
  'url(javascript:x)',
];

function graphFile(): string {
  const concepts = [
    // An ordinary label "Constructor" gets the id `constructor`.
    ...PROTOTYPE_NAMES.map((name) => ({
      id: name,
      label: name === 'constructor' ? 'Constructor' : name,
    })),
    ...STYLE_MAPPERS.map((label, i) => ({ id: `mapper-${i}`, label })),
  ].map((c) => ({ ...c, category: 'names', description: `Named ${c.label}` }));
  const links = concepts.slice(1).map((c, i) => ({
    source: concepts[i]!.id,
    target: c.id,
    relation: i % 2 === 0 ? 'data(label)' : 'mapData(w, 0, 1, 1, 2)',
  }));
  return JSON.stringify({
    format: 'cairn-graph',
    version: 1,
    categories: [{ id: 'names', label: 'constructor', color: '#4e79a7' }],
    concepts,
    links,
  });
}

test('concepts named like Object.prototype members and style mappers open, draw and lay out', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-names-'));
  const database = path.join(dir, 'names.sqlite');
  const file = path.join(dir, 'names.json');
  fs.writeFileSync(file, graphFile());
  execFileSync(process.execPath, [
    path.resolve(__dirname, '..', '..', 'bin', 'cairn.cjs'),
    'import',
    '--db',
    database,
    '--empty',
    '--file',
    file,
  ]);
  const server = await startCairn(database);
  try {
    const app = new CairnApp(page);
    await app.open(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
    const total = PROTOTYPE_NAMES.length + STYLE_MAPPERS.length;
    expect(await app.inspect<number>('nodeCount')).toBe(total);
    expect(await app.inspect<number>('edgeCount')).toBe(total - 1);
    // Laid out: no two concepts share a spot (fcose ran over every one of them).
    const spots = new Set<string>();
    for (const id of PROTOTYPE_NAMES) {
      const at = await app.inspect<{ x: number; y: number } | null>('nodePosition', id);
      expect(at, id).not.toBeNull();
      spots.add(`${Math.round(at!.x)},${Math.round(at!.y)}`);
    }
    expect(spots.size).toBe(PROTOTYPE_NAMES.length);

    await app.clickConcept('constructor');
    await expect(app.heading).toHaveText('Constructor');
    expect(await app.inspect<string[]>('highlightedIds')).toEqual(
      ['__defineGetter__', 'constructor'].sort(),
    );
    await app.clickConcept('__proto__');
    await expect(app.heading).toHaveText('__proto__');

    // A new concept whose label reads as a style mapper is drawn like any other.
    await app.createConcept('data(color)', 'constructor');
    expect(await app.inspect<number>('nodeCount')).toBe(total + 1);
    const before = await app.inspect<{ x: number; y: number }>('nodePosition', 'constructor');
    await app.relayout();
    await expect
      .poll(async () => JSON.stringify(await app.inspect('nodePosition', 'constructor')))
      .not.toBe(JSON.stringify(before));
    await app.settle();
    await app.screenshot('names-draw-and-lay-out');
    await page.reload();
    await app.waitReady();
    await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
    expect(await app.inspect<number>('nodeCount')).toBe(total + 1);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
