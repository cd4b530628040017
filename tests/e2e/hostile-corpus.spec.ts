import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOSTILE_CORPUS, firstOfEachFamily } from '../fixtures/hostile-corpus';
import { seedHostileGraph, TOUR_RELATION, type SeededGraph } from '../fixtures/hostile-seed';
import { kept, keptTag, lostOnTheWay } from '../fixtures/hostile-verify';
import { expect, startCairn, test, type CairnApp } from './fixtures';
import { expectClean, expectLayoutIntact, inspectDom, watchForScript } from './hostile-checks';

// The whole hostile-input corpus (tests/fixtures/hostile-corpus.ts, over 500 inputs) in
// every field a person or an import can fill: labels, categories, descriptions, notes,
// tags, relations and link notes through the contract, then the same graph once more
// through each import reader. The file then opens in the real app in Chromium, and
// each payload is shown where it shows: none may run, load, become a live address,
// break the layout, or come back other than it went in.
//
// `npm test` runs a sample: the first five payloads of every family and every
// Object.prototype name (about 90 inputs, three hubs of 32), and opens the own concept of
// one payload of each family that aims at the page. CAIRN_HOSTILE_CORPUS=full
// (`npm run test:hostile`) runs all of the corpus in hubs of 128, opens every payload's
// own concept and every import's hubs. A hub concept shows all of its payloads at once
// (labels, relations, link notes, its description and note), the legend shows every
// category, the map draws every label, and a MutationObserver (hostile-checks.ts)
// watches every element the page ever holds.
const FULL = process.env.CAIRN_HOSTILE_CORPUS === 'full';
const FORMATS = ['json', 'cytoscape', 'graphml', 'gexf', 'csv', 'markdown'];
/** The inputs this run puts through: all of them, or the sample. */
const CORPUS = FULL
  ? HOSTILE_CORPUS
  : HOSTILE_CORPUS.filter((p) => firstOfEachFamily(5).includes(p) || p.family === 'prototype-name');
/** Payloads per hub: four hubs show the whole corpus, three the sample. */
const GROUP = FULL ? 128 : 32;
/**
 * The payloads whose own concept is opened, each linked to the next: the first of the
 * families that aim at the page (full: all of them).
 */
const TOUR_FAMILIES = [
  'script-tag',
  'event-handler',
  'javascript-url',
  'svg',
  'mxss',
  'markdown',
  'style-mapper',
  'prototype-name',
];
const TOUR = FULL
  ? HOSTILE_CORPUS
  : firstOfEachFamily(1).filter((p) => TOUR_FAMILIES.includes(p.family));

// A trace snapshots the whole DOM at every step, and this DOM is large (490 categories in
// the legend, a hub's 128 payloads in four fields): tracing doubled the run. A failure
// still leaves its screenshot and error context; `--trace on` brings the trace back.
test.use({ trace: 'off' });

let seeded: SeededGraph;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-hostile-'));
  seeded = await seedHostileGraph(dir, CORPUS, { groupSize: GROUP, tour: TOUR });
});

test.afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the corpus holds over 500 inputs: every family, and every Object.prototype name', () => {
  expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(500);
  expect(new Set(HOSTILE_CORPUS.map((p) => p.text)).size).toBe(HOSTILE_CORPUS.length);
  const families = new Set(HOSTILE_CORPUS.map((p) => p.family));
  for (const family of [
    'script-tag',
    'event-handler',
    'javascript-url',
    'data-url',
    'svg',
    'mxss',
    'markdown',
    'style-mapper',
    'prototype-name',
  ]) {
    expect(families).toContain(family);
  }
  const texts = new Set(HOSTILE_CORPUS.map((p) => p.text));
  for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(texts).toContain(name);
  expect(seeded.concepts).toHaveLength(CORPUS.length);
  expect(new Set(CORPUS.map((p) => p.family)).size).toBe(families.size);
});

test('every refusal on the way in is one sentence, and every import reads the corpus whole', () => {
  for (const refusal of seeded.refusals) {
    const shown = JSON.stringify(refusal);
    expect(refusal.message, shown).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(refusal.message, shown).toMatch(/^[A-Z"“].*[^.]\.$/s);
    expect(refusal.message, shown).not.toMatch(/unexpected error|could not complete/i);
  }
  expect(seeded.refusals.filter((r) => r.field === 'import')).toEqual([]);
  expect(Object.keys(seeded.imported)).toEqual(FORMATS);
  for (const format of FORMATS) {
    expect(seeded.imported[format], format).toBe(seeded.concepts.length + seeded.hubs.length);
  }
});

test('nothing is lost: every field as it was given, and every import copy as its original', async () => {
  const { lost, limits } = await lostOnTheWay(seeded);
  expect(lost).toEqual([]);
  // What the Markdown vault cannot hold is all that may differ, and only there.
  expect(
    Object.keys(limits).every((limit) => limit.startsWith('markdown: ')),
    JSON.stringify(limits),
  ).toBe(true);

  // The check sees a loss: the same files with a description cut, a link note changed
  // and one imported concept gone.
  const changed = { ...seeded, file: path.join(dir, 'changed.sqlite') };
  changed.importedFile = path.join(dir, 'changed-imports.sqlite');
  fs.copyFileSync(seeded.file, changed.file);
  fs.copyFileSync(seeded.importedFile, changed.importedFile);
  const [first, second] = seeded.concepts;
  const original = new Sqlite(changed.file);
  original
    .prepare('UPDATE concepts SET description = substr(description, 2) WHERE id = ?')
    .run(first!.id);
  original
    .prepare(
      "UPDATE links SET note = 'changed' WHERE target = (SELECT key FROM concepts WHERE id = ?)",
    )
    .run(second!.id);
  original.close();
  const imports = new Sqlite(changed.importedFile);
  imports.prepare('DELETE FROM concepts WHERE label = ?').run(`gexf ${kept(second!.sent.label)}`);
  imports.close();
  const found = (await lostOnTheWay(changed)).lost.join('\n');
  expect(found).toContain(`(${first!.id}): description is`);
  expect(found).toContain(`(${second!.id}): link from its hub is`);
  expect(found).toContain(`gexf: ${kept(second!.sent.label).slice(0, 60)}: missing`);
});

/** Goes to a concept by words only it holds, the way a person searches. */
async function goTo(app: CairnApp, query: string, label: string) {
  await app.searchBox.fill(query);
  await expect(app.results.getByRole('option').first()).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(label);
}

/** The outgoing links the details panel shows, as [relation, label, link note] text. */
function shownLinks(app: CairnApp): Promise<string[][]> {
  return app.details.getByRole('region', { name: /^Outgoing links/ }).evaluate((section) =>
    Array.from(section.querySelectorAll('.link-group')).flatMap((group) => {
      const relation = (group.querySelector('.relation')?.textContent ?? '').replace(/ →$/, '');
      return Array.from(group.querySelectorAll('li')).map((item) => [
        relation,
        item.querySelector('.concept-link > span:not(.swatch)')?.textContent ?? '',
        item.querySelector('.link-note')?.textContent ?? '',
      ]);
    }),
  );
}

/** What the details panel shows of one concept, read at once. */
function shownConcept(
  app: CairnApp,
): Promise<{ description: string; tags: string[]; note: string }> {
  return app.page.locator('aside.details').evaluate((panel) => ({
    description: panel.querySelector('p.description')?.textContent ?? '',
    tags: Array.from(panel.querySelectorAll('ul.tags li.tag')).map((t) => t.textContent ?? ''),
    note: panel.querySelector('[role="tabpanel"]')?.textContent ?? '',
  }));
}

const sorted = (rows: string[][]) => rows.map((row) => JSON.stringify(row)).sort();

test('the corpus renders as inert text wherever it shows, and the layout holds', async ({
  app,
}) => {
  test.setTimeout(FULL ? 600_000 : 120_000);
  const server = await startCairn(seeded.file);
  try {
    await watchForScript(app.page);
    await app.open(server.url);
    // The graph opens and draws every concept, hostile names and all, from stored positions.
    await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
    expect(await app.inspect<number>('nodeCount')).toBe(
      seeded.concepts.length + seeded.hubs.length,
    );
    await expect(app.legend.getByRole('listitem')).toHaveCount(seeded.categories.length);
    await expectLayoutIntact(app);

    // Each hub shows its 128 payloads as link relations, labels and link notes, exactly as
    // they were given, and holds them in its description and its note.
    for (const hub of seeded.hubs) {
      await goTo(app, hub.sent.label, hub.sent.label);
      expect(sorted(await shownLinks(app))).toEqual(
        sorted(hub.members.map((m) => [kept(m.relation), kept(m.sent.label), m.linkNote.trim()])),
      );
      await expect(app.details.locator('p.description')).toHaveText(kept(hub.sent.description), {
        useInnerText: false,
      });
      await expect(app.notePreview).toBeVisible();
      await expectLayoutIntact(app);
      if (hub === seeded.hubs[0]) await app.screenshot('1x-hostile-corpus-hub');
    }

    // A payload's own concept, one after the next with a click: its label as the heading,
    // its description, tags and note. The tour walks the local graph (each payload drawn
    // with its hub and its neighbours in the tour, their hostile ids laid out in rings),
    // as a reader following links would; on the whole map each click redrew 636 labels
    // in software, 0.57 s a step against 0.24 s here (docs/security.md).
    const tour = TOUR.map((payload) => seeded.concepts.find((c) => c.payload === payload)!);
    await goTo(app, tour[0]!.marker, kept(tour[0]!.sent.label));
    await app.page.keyboard.press('g');
    await expect(app.page.getByRole('region', { name: 'Local graph' })).toBeVisible();
    // CSS locators here, not role queries: the page holds about 24,000 elements (the
    // legend's 490 categories), and each role query walks them all, hundreds of times.
    const panel = app.page.locator('aside.details');
    const next = panel
      .locator('section[aria-labelledby="details-outgoing"] .link-group', {
        hasText: TOUR_RELATION,
      })
      .locator('.concept-link');
    for (const [index, concept] of tour.entries()) {
      if (index > 0) await next.click();
      await expect(panel.locator('h2')).toHaveText(kept(concept.sent.label));
      await expect(panel.locator('p.description')).toBeVisible();
      const shown = await shownConcept(app);
      expect(shown.description).toBe(kept(concept.sent.description));
      expect(shown.tags).toEqual(expect.arrayContaining(concept.sent.tags.map(keptTag)));
      expect(shown.note).toContain(concept.marker);
      await expectLayoutIntact(app);
    }
    // The local graph drew the last of them; then the map goes back to the whole graph.
    expect(await app.inspect<string[]>('visibleNodeIds')).toContain(tour.at(-1)!.id);
    await app.page.keyboard.press('g');
    await expect(app.page.getByRole('region', { name: 'Local graph' })).toHaveCount(0);
    await expect
      .poll(() => app.inspect<number>('nodeCount'))
      .toBe(seeded.concepts.length + seeded.hubs.length);

    // Search results and their snippets, the history and the command palette list payloads too.
    for (const query of ['script', 'javascript', 'proto']) {
      await app.searchBox.fill(query);
      await expect(app.results.getByRole('option').first()).toBeVisible();
    }
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Control+Shift+P');
    await app.page.keyboard.type('pwned');
    await expect(app.dialog('Command palette').getByRole('option').first()).toBeVisible();
    await app.page.keyboard.press('Escape');

    // Nothing ran, loaded or went live at any moment of all that, nor is anything there now.
    await expectClean(app);
  } finally {
    await server.stop();
  }
});

test('what each import reader brought in renders as inert text too', async ({ app }) => {
  test.setTimeout(FULL ? 300_000 : 60_000);
  const server = await startCairn(seeded.importedFile);
  try {
    await watchForScript(app.page);
    await app.open(server.url);
    await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
    // A graph this size may open drawn in part (an overview); all of it is there.
    expect((await app.counts()).concepts).toBe(
      (seeded.concepts.length + seeded.hubs.length) * FORMATS.length,
    );
    expect(await app.inspect<number>('nodeCount')).toBeGreaterThan(0);
    // The vault reader by default, which changes text most on the way in (all six are
    // compared field by field above), all six when full.
    for (const format of FULL ? FORMATS : ['markdown']) {
      for (const hub of FULL ? seeded.hubs : seeded.hubs.slice(0, 1)) {
        const label = `${format} ${hub.sent.label}`;
        await goTo(app, label, label);
        const labels = (await shownLinks(app)).map(([, shown]) => shown).sort();
        expect(labels).toEqual(hub.members.map((m) => `${format} ${kept(m.sent.label)}`).sort());
        await expectLayoutIntact(app);
      }
    }
    await app.button('History').click();
    await expect(app.historyPanel).toContainText('Imported');
    await expectClean(app);

    // And the watch does see such things: an on… attribute, a javascript: address and an
    // image put into the page. (None of them runs: a real event handler would, and the
    // CSP would refuse it, which the fixture counts as a page error.)
    await app.page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<a href="javascript:void 0" onprobe="void 0">a</a><img alt="">';
      document.body.append(probe);
    });
    const report = await inspectDom(app.page);
    expect(report.seen.join('\n')).toContain('handler onprobe');
    expect(report.seen.join('\n')).toContain('address in href');
    expect(report.seen.join('\n')).toContain('img');
    expect(report.active.join('\n')).toContain('<img');
  } finally {
    await server.stop();
  }
});
