import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startCairn, test, type CairnServer } from './fixtures';

const CONCEPTS = 10_000;
const LINKS = 25_000;
const CATEGORIES = 12;

/** A Cairn JSON file of a 10,000-concept graph without positions, as an import brings. */
function writeBigGraph(file: string): void {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const categories = Array.from({ length: CATEGORIES }, (_, c) => ({
    id: `group-${c}`,
    label: `Group ${c}`,
  }));
  const concepts = Array.from({ length: CONCEPTS }, (_, i) => ({
    id: `c${i}`,
    label: `Concept ${i}`,
    category: `group-${i % CATEGORIES}`,
    description: '',
  }));
  const seen = new Set<string>();
  const links: { source: string; target: string; relation: string }[] = [];
  while (links.length < LINKS) {
    // Preferential: low ids are hubs, as in real notes.
    const a = Math.floor(CONCEPTS * random() ** 2);
    const b = Math.floor(CONCEPTS * random());
    if (a === b || seen.has(`${a} ${b}`)) continue;
    seen.add(`${a} ${b}`);
    links.push({ source: `c${b}`, target: `c${a}`, relation: 'uses' });
  }
  fs.writeFileSync(
    file,
    JSON.stringify({ format: 'cairn-graph', version: 1, categories, concepts, links }),
  );
}

let big: CairnServer;
let dir: string;

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-big-'));
});

test.afterAll(async () => {
  await big?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a 10,000-concept graph opens to an overview, search focuses, zooming in shows more', async ({
  app,
}) => {
  test.slow();
  const file = path.join(dir, 'big.json');
  const db = path.join(dir, 'big.sqlite');
  writeBigGraph(file);
  execFileSync(
    process.execPath,
    ['bin/cairn.cjs', 'import', '--file', file, '--empty', '--db', db],
    {
      stdio: 'pipe',
    },
  );
  big = await startCairn(db);
  await app.open(big.url);
  // The store placed the concepts (none had a position) and the map draws a part.
  await expect(app.status).toContainText('10,000 concepts · 25,000 links · showing');
  const overview = await app.inspect<string[]>('visibleNodeIds');
  expect(overview.length).toBeGreaterThan(50);
  expect(overview.length).toBeLessThan(CONCEPTS / 4);
  await app.settle();
  await app.screenshot('big-10k-overview');

  // Zooming in draws concepts the overview left out.
  await app.button('Zoom in').click();
  await app.button('Zoom in').click();
  await app.button('Zoom in').click();
  await expect
    .poll(async () => {
      const now = await app.inspect<string[]>('visibleNodeIds');
      return now.filter((id) => !overview.includes(id)).length;
    })
    .toBeGreaterThan(0);
  await app.settle();
  await app.screenshot('big-10k-zoomed-in');

  // Search finds a concept the overview does not draw; focusing it draws its neighbours.
  const far = 'c9876';
  expect(overview).not.toContain(far);
  await app.search('Concept 9876');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Concept 9876');
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toContain(far);
  const neighbours = await app.details
    .getByRole('region', { name: /Outgoing links|Incoming links/ })
    .getByRole('link')
    .allTextContents();
  expect(neighbours.length).toBeGreaterThan(0);
  const drawn = new Set(await app.inspect<string[]>('visibleNodeIds'));
  for (const label of neighbours) expect(drawn.has(`c${label.replace('Concept ', '')}`)).toBe(true);
  expect(drawn.size).toBeLessThan(CONCEPTS);

  // The local graph works at this size.
  await app.page.keyboard.press('g');
  await expect(app.page.getByRole('region', { name: 'Local graph' })).toContainText('Concept 9876');
  await app.settle();
  await app.screenshot('big-10k-local-graph');

  // Force-directed lays the whole graph out on the store (ForceAtlas2), with its progress
  // and a cancel; search and details work meanwhile; one undo takes it back.
  await app.page.keyboard.press('g');
  await expect(app.page.getByRole('region', { name: 'Local graph' })).toHaveCount(0);
  const positionOf = (id: string) =>
    app.inspect<{ x: number; y: number } | null>('nodePosition', id);
  const chooseForce = async () => {
    await app.page.getByRole('button', { name: 'Layout', exact: true }).click();
    await app.page
      .getByRole('menu', { name: 'Layout' })
      .getByRole('menuitemradio', { name: 'Layout: Force-directed' })
      .click();
  };
  // Cancelled: nothing moves.
  await app.settle();
  const [drawnOne] = await app.inspect<string[]>('visibleNodeIds');
  const untouched = await positionOf(drawnOne!);
  expect(untouched).not.toBeNull();
  await chooseForce();
  await app.page.getByRole('button', { name: 'Cancel layout' }).click();
  await expect(app.page.getByText('Force-directed layout cancelled; nothing moved.')).toBeVisible();
  await expect(app.page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0);
  expect(await positionOf(drawnOne!)).toEqual(untouched);
  await chooseForce();
  const strip = app.page.getByRole('status').filter({ hasText: 'Laying out 10,000 concepts' });
  await expect(strip).toBeVisible();
  await expect(strip.getByRole('progressbar', { name: 'Layout progress' })).toBeVisible();
  await app.search('Concept 4242');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Concept 4242');
  await expect.poll(() => positionOf('c4242')).not.toBeNull();
  const before = await positionOf('c4242');
  await expect(strip).toBeVisible();
  await app.screenshot('big-10k-force-layout-running');
  await expect(strip).toHaveCount(0, { timeout: 120_000 });
  // The map shows the whole new layout; the selected concept stays drawn, at its new place.
  await expect
    .poll(async () => JSON.stringify(await positionOf('c4242')))
    .not.toBe(JSON.stringify(before));
  expect(await positionOf('c4242')).not.toBeNull();
  await expect(app.status).toContainText('10,000 concepts · 25,000 links · showing');
  await app.settle();
  await app.screenshot('big-10k-force-layout');
  await app.button('Undo').click();
  await expect.poll(() => positionOf('c4242')).toEqual(before);
});
