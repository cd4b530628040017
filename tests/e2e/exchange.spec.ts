import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test, type CairnApp } from './fixtures';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'import');

/** Keys go to the app rather than a text field. */
async function leaveFields(app: CairnApp) {
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Clicks Export in the dialog and returns the saved download's bytes and name. */
async function exportDownload(
  app: CairnApp,
  dir: string,
): Promise<{ name: string; bytes: Buffer }> {
  const dialog = app.dialog('Export');
  const [download]: [Download, void] = await Promise.all([
    app.page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(dialog).toHaveCount(0);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** Counts elements of an XML document with the browser's own parser. */
function countXml(page: Page, text: string, tags: string[]) {
  return page.evaluate(
    ([xml, names]) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return Object.fromEntries(names.map((n) => [n, doc.getElementsByTagName(n).length]));
    },
    [text, tags] as const,
  );
}

function importState(app: CairnApp) {
  return app.dialog('Import').locator('[data-import-state]');
}

test('export the whole graph as GraphML, CSV and a 2× PNG', async ({ app, cairn }, testInfo) => {
  await app.open(cairn.url);
  const counts = await app.counts();
  const dir = testInfo.outputDir;
  fs.mkdirSync(dir, { recursive: true });

  await app.fileMenu('Export…');
  const dialog = app.dialog('Export');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('graphml');
  await expect(dialog.getByRole('radio', { name: /^Whole graph/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Selection/ })).toBeDisabled();
  await expect(
    dialog.getByText(`${counts.concepts} concepts · ${counts.links} links`),
  ).toBeVisible();
  await app.screenshot('2x-export-dialog');

  const graphml = await exportDownload(app, dir);
  expect(graphml.name).toBe('graph.graphml');
  const parsed = await countXml(app.page, graphml.bytes.toString('utf8'), ['node', 'edge']);
  expect(parsed).toEqual({ node: counts.concepts, edge: counts.links });
  await expect(
    app.page.getByText(/Exported 146 concepts and 252 links to graph\.graphml/),
  ).toBeVisible();
  await app.screenshot('2x-export-done');

  // A folder format comes as a zip.
  await leaveFields(app);
  await app.page.keyboard.press('Control+e');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('csv');
  const csv = await exportDownload(app, dir);
  expect(csv.name).toBe('graph-csv.zip');
  expect(csv.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // An image of the view at twice its size on screen.
  await app.fileMenu('Export…');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('png');
  await dialog.getByRole('radio', { name: /^Current view/ }).check();
  await dialog.getByRole('radio', { name: '2×' }).check();
  await app.screenshot('2x-export-png');
  const png = await exportDownload(app, dir);
  expect(png.name).toBe('graph-view.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  const canvas = await app.page.locator('.graph-canvas').boundingBox();
  expect(Math.abs(width - 2 * canvas!.width)).toBeLessThanOrEqual(2);
});

test('export the selection: shift+click and a shift-drag box select several', async ({
  app,
  cairn,
}, testInfo) => {
  await app.open(cairn.url);
  await app.clickConcept('etcd');
  await expect(app.heading).toHaveText('etcd');
  await app.settle();
  const at = await app.inspect<{ x: number; y: number }>('renderedPosition', 'api-server');
  await app.page.keyboard.down('Shift');
  await app.page.mouse.click(at.x, at.y);
  await app.page.keyboard.up('Shift');
  await expect.poll(() => app.inspect<string[]>('selectedIds')).toEqual(['api-server', 'etcd']);
  await expect(app.status).toContainText('2 selected');
  await app.screenshot('2x-two-selected');

  await app.fileMenu('Export…');
  const dialog = app.dialog('Export');
  await expect(dialog.getByRole('radio', { name: /^Selection/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Selection/ })).toBeEnabled();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('json');
  await expect(dialog.getByText(/^2 concepts · \d+ links?/)).toBeVisible();
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const json = await exportDownload(app, testInfo.outputDir);
  const graph = JSON.parse(json.bytes.toString('utf8')) as { concepts: { id: string }[] };
  expect(graph.concepts.map((c) => c.id).sort()).toEqual(['api-server', 'etcd']);

  // Esc clears; a Shift-drag box around two concepts selects both (and whatever lies between).
  await leaveFields(app);
  await app.page.keyboard.press('Escape');
  await expect.poll(() => app.inspect<string[]>('selectedIds')).toEqual([]);
  const a = await app.inspect<{ x: number; y: number }>('renderedPosition', 'etcd');
  const b = await app.inspect<{ x: number; y: number }>('renderedPosition', 'api-server');
  await app.page.keyboard.down('Shift');
  await app.page.mouse.move(Math.min(a.x, b.x) - 25, Math.min(a.y, b.y) - 25);
  await app.page.mouse.down();
  await app.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await app.page.mouse.move(Math.max(a.x, b.x) + 25, Math.max(a.y, b.y) + 25, { steps: 5 });
  await app.page.mouse.up();
  await app.page.keyboard.up('Shift');
  await expect
    .poll(() => app.inspect<string[]>('selectedIds'))
    .toEqual(expect.arrayContaining(['api-server', 'etcd']));
  await app.screenshot('2x-box-selected');
});

test('import a yEd file: preview, nothing written, confirm, then Undo takes it back', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const before = await app.counts();

  await leaveFields(app);
  await app.page.keyboard.press('Control+i');
  const dialog = app.dialog('Import');
  await expect(dialog).toBeVisible();
  await app.screenshot('2x-import-dialog');
  await dialog
    .locator('input[name="import-file"]')
    .setInputFiles(path.join(FIXTURES, 'yed.graphml'));
  await expect(importState(app)).toHaveAttribute('data-import-state', 'ready');
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('3 concepts to add');
  await expect(preview).toContainText('2 links to add');
  await expect(preview).toContainText('Undo takes it back');
  await app.screenshot('2x-import-preview');
  expect(await app.counts()).toEqual(before);

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.status).toContainText(`${before.concepts + 3} concepts`);
  expect(await app.counts()).toEqual({ concepts: before.concepts + 3, links: before.links + 2 });
  await expect(
    app.page.getByText(
      /^Imported 3 concepts, 2 links and 1 category from yed\.graphml\. Undo takes it back\./,
    ),
  ).toBeVisible();
  await app.screenshot('2x-import-done');

  await app.searchBox.fill('Roadmap');
  await expect(app.results.getByRole('option', { name: /Roadmap/ })).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Roadmap');
  await expect(app.details).toContainText('Imported');

  await leaveFields(app);
  await app.page.keyboard.press('Control+z');
  await expect(app.status).toContainText(`${before.concepts} concepts`);
  expect(await app.counts()).toEqual(before);
  await expect(app.details).toContainText('No concept selected');
});

test('a broken file is refused with its name and line, and changes nothing', async ({
  app,
  cairn,
}, testInfo) => {
  await app.open(cairn.url);
  const before = await app.counts();
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const broken = path.join(testInfo.outputDir, 'broken.graphml');
  fs.writeFileSync(broken, '<graphml>\n<graph>\n<node id="a">\n</graph></graphml>\n');

  await app.fileMenu('Import…');
  const dialog = app.dialog('Import');
  await dialog.locator('input[name="import-file"]').setInputFiles(broken);
  await expect(dialog.getByRole('alert')).toHaveText(/^broken\.graphml, line \d+: .*XML/);
  await expect(importState(app)).toHaveAttribute('data-import-state', 'choose');
  await app.screenshot('2x-import-broken');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await app.counts()).toEqual(before);
});

test('cancelling at the preview writes nothing', async ({ app, cairn }) => {
  await app.open(cairn.url);
  const before = await app.counts();
  await app.fileMenu('Import…');
  const dialog = app.dialog('Import');
  await dialog
    .locator('input[name="import-file"]')
    .setInputFiles(path.join(FIXTURES, 'yed.graphml'));
  await expect(importState(app)).toHaveAttribute('data-import-state', 'ready');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(importState(app)).toHaveAttribute('data-import-state', 'choose');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await app.searchBox.fill('Roadmap');
  await expect(app.page.getByText('No matches for “Roadmap”')).toBeVisible();
  expect(await app.counts()).toEqual(before);
});

test('import a folder of Markdown notes: folders become categories', async ({
  app,
  cairn,
}, testInfo) => {
  const vault = path.join(testInfo.outputDir, 'Team vault');
  fs.mkdirSync(path.join(vault, 'Ideas'), { recursive: true });
  fs.mkdirSync(path.join(vault, 'Rituals'), { recursive: true });
  fs.mkdirSync(path.join(vault, '.obsidian'), { recursive: true });
  fs.writeFileSync(
    path.join(vault, 'Ideas', 'Zettelkasten.md'),
    'Notes that link, like [[etcd]].\n',
  );
  fs.writeFileSync(path.join(vault, 'Ideas', 'Evergreen notes.md'), 'See [[Zettelkasten]].\n');
  fs.writeFileSync(
    path.join(vault, 'Rituals', 'Weekly review.md'),
    '#habit\nRead [[Evergreen notes]].\n',
  );
  fs.writeFileSync(path.join(vault, '.obsidian', 'app.json'), '{}');

  await app.open(cairn.url);
  const before = await app.counts();
  await app.fileMenu('Import…');
  const dialog = app.dialog('Import');
  await dialog.locator('input[name="import-folder"]').setInputFiles(vault);
  await expect(importState(app)).toHaveAttribute('data-import-state', 'ready');
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('3 concepts to add');
  await expect(preview).toContainText('Ideas');
  await app.screenshot('2x-import-vault-preview');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.legend).toContainText('Ideas');
  await expect(app.legend).toContainText('Rituals');
  expect((await app.counts()).concepts).toBe(before.concepts + 3);
  await app.screenshot('2x-import-vault-done');
});

test('new graph and back to the previous one from the recent list', async ({
  app,
  cairn,
}, testInfo) => {
  await app.open(cairn.url);
  const before = await app.counts();
  await expect(app.page).toHaveTitle('graph.sqlite — Cairn');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const fresh = path.join(testInfo.outputDir, 'Reading list.sqlite');

  await app.fileMenu('New graph…');
  const dialog = app.dialog('New graph');
  await expect(
    dialog.getByRole('checkbox', { name: /Start with the default graph/ }),
  ).not.toBeChecked();
  // A relative path is refused with the services' sentence, inline.
  await dialog.getByRole('textbox', { name: 'Graph file' }).fill('reading.sqlite');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the full path of the graph file.');
  await dialog.getByRole('textbox', { name: 'Graph file' }).fill(fresh);
  await app.screenshot('2x-new-graph');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'empty');
  await expect(app.page).toHaveTitle('Reading list.sqlite — Cairn');
  await expect(app.status).toContainText('Reading list.sqlite');
  expect(await app.counts()).toEqual({ concepts: 0, links: 0 });
  await app.screenshot('2x-new-graph-empty');

  await leaveFields(app);
  await app.page.keyboard.press('Control+o');
  const open = app.dialog('Open graph');
  const recent = open.getByRole('region', { name: 'Recent graphs' });
  await expect(recent.getByRole('button', { name: /graph\.sqlite/ })).toBeVisible();
  await app.screenshot('2x-open-graph');
  await recent.getByRole('button', { name: /graph\.sqlite/ }).click();
  await expect(open).toHaveCount(0);
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
  await expect(app.page).toHaveTitle('graph.sqlite — Cairn');
  expect(await app.counts()).toEqual(before);
});

test.describe('in the dark', () => {
  test.use({ colorScheme: 'dark' });
  test('the exchange dialogs read well in a dark theme', async ({ app, cairn }, testInfo) => {
    await app.open(cairn.url);
    await app.page.getByRole('button', { name: 'File', exact: true }).click();
    await expect(app.page.getByRole('menu', { name: 'File' })).toBeVisible();
    await app.screenshot('2x-dark-file-menu');
    await app.page.keyboard.press('Escape');
    await app.fileMenu('Export…');
    await app.dialog('Export').getByRole('combobox', { name: 'Format' }).selectOption('png');
    await app.screenshot('2x-dark-export');
    await app.dialog('Export').getByRole('combobox', { name: 'Format' }).selectOption('svg');
    fs.mkdirSync(testInfo.outputDir, { recursive: true });
    const svg = await exportDownload(app, testInfo.outputDir);
    expect(svg.name).toBe('graph.svg');
    expect(svg.bytes.toString('utf8')).toMatch(
      /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
    // The dark canvas is the background.
    expect(svg.bytes.toString('utf8')).toContain('fill="#16171a"');
    await app.fileMenu('Import…');
    const dialog = app.dialog('Import');
    await dialog
      .locator('input[name="import-file"]')
      .setInputFiles(path.join(FIXTURES, 'yed.graphml'));
    await expect(importState(app)).toHaveAttribute('data-import-state', 'ready');
    await app.screenshot('2x-dark-import-preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(app.page.getByText(/Imported 3 concepts/)).toBeVisible();
    await app.screenshot('2x-dark-import-done');
  });
});
