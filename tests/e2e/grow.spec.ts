import { expect, test, type CairnApp } from './fixtures';

/** Clicks the body, so keys go to the app rather than a text field. */
async function leaveFields(app: CairnApp) {
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('creating concepts from the toolbar and by double-click, with refusals inline', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const nodes = await app.inspect<number>('nodeCount');

  await app.button('New concept').click();
  const dialog = app.dialog('New concept');
  await expect(dialog).toBeVisible();
  const label = dialog.getByRole('textbox', { name: 'Label' });
  await expect(label).toBeFocused();

  // Empty: refused, the dialog stays.
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The label cannot be empty.');

  // A duplicate: refused, what was typed stays.
  await label.fill('ETCD');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('Secu');
  await dialog.getByRole('option', { name: 'Security' }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A concept named “etcd” already exists.');
  await expect(label).toHaveValue('ETCD');
  await app.screenshot('1x-new-concept-refused');

  // Far too long, and a control character: the server's sentence, under the field.
  await label.fill('x'.repeat(10_000));
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The label is 10,000 characters long; at most 200 are allowed.',
  );
  await label.fill('bell\u0007');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The label cannot contain control characters (found U+0007 at position 5).',
  );
  expect(await app.inspect<number>('nodeCount')).toBe(nodes);

  await label.fill('Istio');
  await dialog.getByRole('textbox', { name: 'Description' }).fill('A service mesh.');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.heading).toHaveText('Istio');
  await expect(app.details.getByText('Yours', { exact: true }).first()).toBeVisible();
  expect(await app.inspect<string>('selectedId')).toBe('istio');
  expect(await app.inspect<number>('nodeCount')).toBe(nodes + 1);
  await app.screenshot('1x-concept-created');

  // Esc cancels.
  await leaveFields(app);
  await app.page.keyboard.press('n');
  await expect(dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // A double click on empty canvas creates the concept there, in a new category.
  const spot = await app.emptyCanvasPoint();
  await app.page.mouse.dblclick(spot.x, spot.y);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Kiali');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('Mesh tools');
  await expect(dialog.getByRole('option', { name: 'New category “Mesh tools”' })).toBeVisible();
  await app.screenshot('1x-new-category');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading).toHaveText('Kiali');
  await expect(app.legend).toContainText('Mesh tools');
  expect(await app.inspect<number>('nodeCount')).toBe(nodes + 2);
  const at = await app.inspect<{ x: number; y: number }>('renderedPosition', 'kiali');
  // Centred after creation, so compare model positions instead of the screen.
  expect(at).not.toBeNull();
});

test('a note with a [[wikilink]] links concepts, shows backlinks and navigates', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const edges = await app.inspect<number>('edgeCount');
  await app.clickConcept('pod');
  await expect(app.heading).toHaveText('Pod');

  await app.writeNote(
    '## Where pods live\nA pod keeps its state in [[etcd]] via the API server, and runs [[Sidecar pattern|sidecars]].\n\n- **bold** and `[[not a link]]`\n\n#mine',
  );
  await expect.poll(() => app.inspect<number>('edgeCount')).toBe(edges + 1);
  expect(await app.inspect<string[]>('edgesBetween', 'pod', 'etcd')).toContain(
    'mention:mentions:user',
  );
  await expect(app.details.getByRole('button', { name: 'Create “Sidecar pattern”' })).toBeVisible();
  await expect(app.details.getByRole('list', { name: 'Tags of this concept' })).toContainText(
    '#mine',
  );
  await app.screenshot('1x-note-written');

  await app.details.getByRole('tab', { name: 'Preview' }).click();
  const preview = app.notePreview;
  await expect(preview.getByRole('heading', { name: 'Where pods live' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('bold');
  await expect(preview.locator('code')).toHaveText('[[not a link]]');
  await expect(preview.getByText('sidecars')).toHaveClass(/is-missing/);
  await app.screenshot('1x-note-preview');

  await preview.getByRole('link', { name: 'etcd' }).click();
  await expect(app.heading).toHaveText('etcd');
  const backlinks = app.details.getByRole('region', { name: /Backlinks/ });
  await expect(backlinks.getByRole('link', { name: 'Pod' })).toBeVisible();
  await expect(backlinks).toContainText('A pod keeps its state in [[etcd]]');
  await app.screenshot('1x-backlinks');

  // An unknown name: create it from the note; the note then links to it.
  await app.button('Back').click();
  await expect(app.heading).toHaveText('Pod');
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await app.details.getByRole('button', { name: 'Create “Sidecar pattern”' }).click();
  const dialog = app.dialog('New concept');
  await expect(dialog.getByRole('textbox', { name: 'Label' })).toHaveValue('Sidecar pattern');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('Patterns');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading).toHaveText('Sidecar pattern');
  await expect(
    app.details.getByRole('region', { name: /Backlinks/ }).getByRole('link', { name: 'Pod' }),
  ).toBeVisible();
  expect(await app.inspect<string[]>('edgesBetween', 'pod', 'sidecar-pattern')).toContain(
    'mention:mentions:user',
  );
});

test('notes are never lost when switching concepts mid-typing', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await app.clickConcept('etcd');
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await app.noteEditor.pressSequentially('Raft keeps etcd consistent.', { delay: 5 });
  // Straight to another concept, before the pause that saves.
  await app.details.getByRole('link', { name: 'API server' }).first().click();
  await expect(app.heading).toHaveText('API server');
  await app.button('Back').click();
  await expect(app.heading).toHaveText('etcd');
  await expect(app.notePreview).toContainText('Raft keeps etcd consistent.');
});

test('links: the Add link form, edit, delete, refusals, and drawing with the handle', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.clickConcept('etcd');
  await expect(app.heading).toHaveText('etcd');

  await app.details.getByRole('button', { name: 'Add link' }).click();
  const form = app.details.getByRole('form', { name: 'Add link' });
  await form.getByRole('combobox', { name: 'Target concept' }).fill('Grafan');
  await form.getByRole('option', { name: 'Grafana' }).click();
  await form.getByRole('combobox', { name: 'Relation' }).fill('is watched by');
  await app.screenshot('1x-add-link-form');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(form).toHaveCount(0);
  const outgoing = app.details.getByRole('region', { name: 'Outgoing links' });
  await expect(outgoing).toContainText('is watched by');
  await expect(outgoing.getByRole('link', { name: 'Grafana' })).toBeVisible();
  expect(await app.inspect<string[]>('edgesBetween', 'etcd', 'grafana')).toEqual([
    'typed:is watched by:user',
  ]);

  // A duplicate and a self-link are refused inline.
  await app.details.getByRole('button', { name: 'Add link' }).click();
  await form.getByRole('combobox', { name: 'Target concept' }).fill('Grafana');
  await form.getByRole('combobox', { name: 'Relation' }).fill('is watched by');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(form.getByRole('alert')).toHaveText('“etcd” already is watched by “Grafana”.');
  await form.getByRole('combobox', { name: 'Target concept' }).fill('etcd');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(form.getByRole('alert')).toHaveText('“etcd” cannot link to itself.');
  await app.screenshot('1x-link-refused');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Edit the relation and the note of the link, then delete it.
  await outgoing.getByRole('button', { name: 'Edit link is watched by → Grafana' }).click();
  const edit = outgoing.getByRole('form', { name: /Edit link/ });
  await edit.getByRole('combobox', { name: 'Relation' }).fill('is monitored by');
  await edit.getByRole('textbox', { name: 'Link note' }).fill('through its /metrics endpoint');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(outgoing).toContainText('is monitored by');
  await expect(outgoing).toContainText('through its /metrics endpoint');
  await outgoing.getByRole('button', { name: 'Delete link is monitored by → Grafana' }).click();
  await expect(outgoing).not.toContainText('is monitored by');
  expect(await app.inspect<string[]>('edgesBetween', 'etcd', 'grafana')).toEqual([]);

  // Drag the handle beside the selected concept onto another.
  await app.clickConcept('pod');
  await expect(app.heading).toHaveText('Pod');
  const handle = app.page.locator('.link-handle');
  await expect(handle).toBeVisible();
  const box = (await handle.boundingBox())!;
  const target = (await app.inspect<{ x: number; y: number }>('renderedPosition', 'grafana'))!;
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(target.x - 40, target.y - 20, { steps: 12 });
  await app.page.mouse.move(target.x, target.y, { steps: 8 });
  // The drawing gesture picks its target after a short hover; wait until it has.
  await expect.poll(() => app.inspect<string | null>('linkTarget')).toBe('grafana');
  await app.screenshot('1x-link-drawing');
  await app.page.mouse.up();
  const dialog = app.dialog('New link');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Pod');
  await expect(dialog).toContainText('Grafana');
  await dialog.getByRole('combobox', { name: 'Relation' }).fill('exposes metrics to');
  await app.screenshot('1x-link-relation-dialog');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await app.inspect<string[]>('edgesBetween', 'pod', 'grafana')).toEqual([
    'typed:exposes metrics to:user',
  ]);
});

test('undo and redo from the keyboard and the history panel', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await app.createConcept('Quillgate', 'Networking');
  await app.button('Edit concept').click();
  const form = app.details.getByRole('form', { name: 'Edit concept' });
  await form.getByRole('textbox', { name: 'Label' }).fill('Quillgate proxy');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Quillgate proxy');

  // Ctrl+Z inside a text field is the field's own undo.
  const tags = app.details.getByRole('textbox', { name: 'Tags' });
  await tags.fill('');
  await tags.pressSequentially('abc');
  await app.page.keyboard.press('Control+z');
  await expect(app.heading).toHaveText('Quillgate proxy');
  await tags.fill('');

  await leaveFields(app);
  await app.page.keyboard.press('Control+z');
  await expect(app.heading).toHaveText('Quillgate');
  await app.page.keyboard.press('Control+Shift+z');
  await expect(app.heading).toHaveText('Quillgate proxy');
  await app.page.keyboard.press('Control+z');
  await expect(app.heading).toHaveText('Quillgate');
  await app.page.keyboard.press('Control+y');
  await expect(app.heading).toHaveText('Quillgate proxy');

  await app.button('History').click();
  const panel = app.historyPanel;
  const items = panel.getByRole('listitem');
  await expect(items.first()).toContainText('Renamed “Quillgate” to “Quillgate proxy”');
  await expect(items.first()).toHaveText(/^\d{1,2}:\d\d/);
  await expect(items.nth(1)).toContainText('Created “Quillgate”');
  await expect(panel.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'title',
    /^Undo Renamed “Quillgate” to “Quillgate proxy”/,
  );
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(app.heading).toHaveText('Quillgate');
  await expect(items.first()).toHaveClass(/is-undone/);
  await app.screenshot('1x-history-panel');
  await panel.getByRole('button', { name: 'Undo' }).click();
  // The concept itself is gone: the selection clears.
  await expect(app.details).toContainText('No concept selected');
  await panel.getByRole('button', { name: 'Redo' }).click();
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
  expect(await app.inspect<string[]>('visibleNodeIds')).toContain('quillgate');
});

test('the command palette lists actions with shortcuts and goes to concepts', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.page.keyboard.press('Control+Shift+P');
  const palette = app.dialog('Command palette');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /New concept/ })).toContainText('N');
  await expect(palette.getByRole('option', { name: /History/ })).toBeVisible();
  await app.screenshot('1x-command-palette');
  await app.page.keyboard.type('etc');
  await expect(palette.getByRole('option', { name: /etcd/ }).first()).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(app.heading).toHaveText('etcd');

  await app.page.keyboard.press('Control+Shift+P');
  await app.page.keyboard.type('new conc');
  await app.page.keyboard.press('Enter');
  await expect(app.dialog('New concept')).toBeVisible();
  await expect(app.dialog('New concept').getByRole('textbox', { name: 'Label' })).toBeFocused();
});

test('editing a seed concept marks it edited, and Restore original puts it back', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.clickConcept('pod');
  await expect(app.details.getByText('Default graph', { exact: true }).first()).toBeVisible();
  await leaveFields(app);
  await app.page.keyboard.press('e');
  const form = app.details.getByRole('form', { name: 'Edit concept' });
  await form.getByRole('textbox', { name: 'Label' }).fill('Pods');
  await form.getByRole('textbox', { name: 'Description' }).fill('My own words.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Pods');
  await expect(app.details.getByText('Edited', { exact: true })).toBeVisible();
  await app.screenshot('1x-seed-edited');
  await app.details.getByRole('button', { name: 'Restore original' }).click();
  await expect(app.heading).toHaveText('Pod');
  await expect(app.details.getByText('Edited', { exact: true })).toHaveCount(0);
  await expect(app.details.getByRole('button', { name: 'Restore original' })).toHaveCount(0);
});

test('deleting a concept asks first, naming its links; undo brings it back', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const edges = await app.inspect<number>('edgeCount');
  await app.clickConcept('etcd');
  await app.details.getByRole('button', { name: 'Delete concept' }).click();
  const dialog = app.dialog('Delete concept');
  await expect(dialog).toContainText('stores data for → API server');
  await app.screenshot('1x-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.details).toContainText('No concept selected');
  expect(await app.inspect<string[]>('visibleNodeIds')).not.toContain('etcd');
  await app.page.keyboard.press('Control+z');
  await expect.poll(() => app.inspect<number>('edgeCount')).toBe(edges);
});

test('everything persists across a reload, and undo still works after it', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.createConcept('Persist me', 'Security', 'Kept on disk.');
  await app.writeNote('Written before the reload, about [[etcd]].');
  const tags = app.details.getByRole('textbox', { name: 'Tags' });
  await tags.fill('durable');
  await tags.press('Enter');
  await expect(app.details.getByRole('list', { name: 'Tags of this concept' })).toContainText(
    'durable',
  );
  await tags.fill('<script>');
  await tags.press('Enter');
  await expect(app.details.getByRole('alert')).toHaveText(
    '"<script>" is not a tag: use up to 50 letters, digits, -, _ or /.',
  );
  await expect(tags).toHaveValue('<script>');
  await tags.fill('');
  await app.details.getByRole('button', { name: 'Add link' }).click();
  const form = app.details.getByRole('form', { name: 'Add link' });
  await form.getByRole('combobox', { name: 'Target concept' }).fill('Notary');
  await form.getByRole('option', { name: 'Notary' }).first().click();
  await form.getByRole('combobox', { name: 'Relation' }).fill('trusts');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(app.details.getByRole('region', { name: 'Outgoing links' })).toContainText('trusts');

  // "Only mine" shows the user's concepts and what they link to.
  await app.button('Only mine').click();
  await expect(app.button('Only mine')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => app.inspect<string[]>('visibleNodeIds'))
    .toEqual(['etcd', 'notary', 'persist-me']);
  await app.settle();
  await app.screenshot('1x-only-mine');
  await app.button('Only mine').click();

  await app.page.reload();
  await app.waitReady();
  await app.page.keyboard.press('/');
  await app.searchBox.fill('Persist me');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Persist me');
  await expect(app.details).toContainText('Kept on disk.');
  await expect(app.notePreview).toContainText('Written before the reload, about etcd.');
  await expect(app.details.getByRole('list', { name: 'Tags of this concept' })).toContainText(
    'durable',
  );
  await expect(app.details.getByRole('region', { name: 'Outgoing links' })).toContainText('trusts');
  expect(await app.inspect<string[]>('edgesBetween', 'persist-me', 'notary')).toEqual([
    'typed:trusts:user',
  ]);

  // The history survived: undo takes back the link made before the reload.
  await app.button('History').click();
  await expect(app.historyPanel.getByRole('listitem').first()).toContainText('trusts');
  await leaveFields(app);
  await app.page.keyboard.press('Control+z');
  await expect(app.details.getByRole('region', { name: 'Outgoing links' })).not.toContainText(
    'trusts',
  );
  expect(await app.inspect<string[]>('edgesBetween', 'persist-me', 'notary')).toEqual([]);
  await app.screenshot('1x-after-reload-undo');
});

test.describe('in the dark', () => {
  test.use({ colorScheme: 'dark' });
  test('editing, notes and history read well in a dark theme', async ({ app, cairn }) => {
    await app.open(cairn.url);
    await app.createConcept('Glasswing', 'Networking', 'A lightweight service mesh.');
    await app.writeNote(
      '# Glasswing\nWorks with [[Pod]]s and [[Envoy]], not [[Nowhere]]. See [the docs](https://example.org).\n\n> quiet proxy #mesh',
    );
    await app.details.getByRole('tab', { name: 'Preview' }).click();
    await app.button('History').click();
    await expect(app.historyPanel.getByRole('listitem').first()).toContainText('note');
    await app.screenshot('1x-dark-note-history');
    await app.button('Edit concept').click();
    await app.screenshot('1x-dark-edit');
    await app.page.keyboard.press('Escape');
    await app.button('New concept').click();
    await app.dialog('New concept').getByRole('combobox', { name: 'Category' }).fill('');
    await app.dialog('New concept').getByRole('combobox', { name: 'Category' }).focus();
    await app.screenshot('1x-dark-new-concept');
  });
});
