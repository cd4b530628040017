import { api } from './api';
import { expect, test, type CairnApp } from './fixtures';
import { expectClean, watchForScript } from './hostile-checks';

// Text someone else's graph could hold. None of it may run, load or become a live link.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '[click](javascript:window.__pwned=1)',
  '<svg><script>window.__pwned=1</script></svg>',
  '<svg onload="window.__pwned=1">',
  '<iframe src="javascript:window.__pwned=1">',
  '[x](JaVaScRiPt:window.__pwned=1)',
  '[x](data:text/html,<script>window.__pwned=1</script>)',
  '[x](file:///etc/passwd)',
  '![img](x" onerror="window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">a</a>',
  '<javascript:window.__pwned=1>',
  '[y](&#106;avascript:window.__pwned=1)',
  '<object data="javascript:window.__pwned=1"></object>',
];

/** A note with every payload, plus reference-style links, entities and autolinks. */
const HOSTILE_NOTE = [
  '# Hostile note',
  ...PAYLOADS.map((p) => `- ${p}`),
  '',
  '[ref link][evil] and [other][vb] and [data ref][dat]',
  '',
  '[evil]: javascript:window.__pwned=1',
  '[vb]: vbscript:msgbox(1)',
  '[dat]: data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  '',
  '[entity](&#x6A;avascript&#58;window.__pwned=1) [tab](java\tscript:window.__pwned=1)',
  '[relative](/api/getGraph) [protocol-relative](//evil.example/x) [anchor](#top)',
  '<embed src="javascript:window.__pwned=1">',
  '<mailto:someone@example.org> [[<b>Nowhere</b>]] [[<script>window.__pwned=1</script>|to the script concept]]',
  '![remote](https://tracker.example/pixel.png) ![data](data:image/png;base64,iVBORw0KGgo=)',
  '<details open><summary>raw html</summary><b onmouseover="window.__pwned=1">b</b></details>',
].join('\n');

async function goTo(app: CairnApp, label: string) {
  await app.searchBox.focus();
  await app.searchBox.fill(label);
  await expect(app.results.getByRole('option').first()).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(label);
}

test('hostile labels, descriptions, notes, tags and relations render as inert text', async ({
  app,
  cairn,
}) => {
  await watchForScript(app.page);
  await app.open(cairn.url);

  // Seed the corpus through the real API: a concept per payload, linked in a chain
  // whose relations are payloads too, and a note holding all of them.
  const ids: string[] = [];
  for (const payload of PAYLOADS) {
    const made = await api<{ value: { concept: { id: string } } }>(app.page, 'createConcept', {
      label: payload,
      category: '<script>window.__pwned=1</script> category',
      description: `Description: ${payload}`,
    });
    ids.push(made.value.concept.id);
  }
  for (let i = 1; i < ids.length; i++) {
    await api(app.page, 'createLink', {
      source: ids[i - 1],
      target: ids[i],
      relation: PAYLOADS[i]!.slice(0, 60),
    });
  }
  const note = await api<{ value: { concept: { id: string } } }>(app.page, 'createConcept', {
    label: 'Hostile note',
    category: 'Security',
  });
  await api(app.page, 'saveNote', { id: note.value.concept.id, body: HOSTILE_NOTE });
  await app.page.reload();
  await app.waitReady();
  await expectClean(app);
  await expect(app.legend).toContainText('<script>window.__pwned=1</script> category');

  // Search results with snippets.
  await app.searchBox.focus();
  await app.searchBox.fill('pwned');
  await expect(app.results.getByRole('option').first()).toBeVisible();
  await expect(app.results).toContainText('<script>window.__pwned=1</script>');
  await expectClean(app);
  await app.screenshot('1x-hostile-search');
  await app.page.keyboard.press('Escape');

  // Details of a hostile concept: label, description and payload relations as text.
  await goTo(app, PAYLOADS[1]!);
  await expect(app.details).toContainText(`Description: ${PAYLOADS[1]}`);
  await expect(app.details.getByRole('region', { name: 'Outgoing links' })).toContainText(
    PAYLOADS[2]!,
  );
  await expect(app.details.getByRole('region', { name: 'Incoming links' })).toContainText(
    PAYLOADS[1]!,
  );
  await app.settle();
  await expectClean(app);
  await app.screenshot('1x-hostile-details');

  // The delete dialog lists those link names, as text.
  await app.details.getByRole('button', { name: 'Delete concept' }).click();
  await expect(app.dialog('Delete concept')).toContainText(PAYLOADS[2]!);
  await expectClean(app);
  await app.dialog('Delete concept').getByRole('button', { name: 'Cancel' }).click();

  // The note's preview: raw HTML shown as text, every link inert or safe.
  await goTo(app, 'Hostile note');
  const preview = app.notePreview;
  await expect(preview.getByRole('heading', { name: 'Hostile note' })).toBeVisible();
  for (const text of [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1">',
    '<iframe src="javascript:window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">a</a>',
    '<embed src="javascript:window.__pwned=1">',
  ]) {
    await expect(preview).toContainText(text);
  }
  await expect(preview.locator('.md-image').first()).toContainText('[image');
  await expectClean(app);
  await app.screenshot('1x-hostile-note');

  // A link to a refused scheme is not a link at all to the parser: it stays the text written.
  for (const text of [
    '[click](javascript:window.__pwned=1)',
    '[x](data:text/html,<script>window.__pwned=1</script>)',
    '[x](file:///etc/passwd)',
  ]) {
    await expect(preview).toContainText(text);
  }
  // The rest are links to addresses the allow-list refuses (relative, protocol-relative,
  // an anchor: inert) or accepts (mailto).
  const clickable = preview.locator('a:not(.wikilink), .md-inert-link');
  const count = await clickable.count();
  expect(count).toBeGreaterThanOrEqual(4);
  const hrefs = await preview
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.every((h) => /^(https?:|mailto:|#$)/.test(h ?? ''))).toBe(true);
  for (let i = 0; i < count; i++) {
    const link = clickable.nth(i);
    const href = await link.getAttribute('href');
    // A mailto: link would hand over to a mail program; its href is checked above.
    if (href?.startsWith('mailto:')) continue;
    await link.click();
    expect(new URL(app.page.url()).pathname).toBe('/');
    expect(await app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBe(
      undefined,
    );
  }
  await expect(app.heading).toHaveText('Hostile note');
  await expectClean(app);
  // A [[wikilink]] to a hostile label goes to that concept, in the app.
  await preview.getByRole('link', { name: 'to the script concept' }).click();
  await expect(app.heading).toHaveText('<script>window.__pwned=1</script>');
  await expectClean(app);
  await app.button('Back').click();
  await expect(app.heading).toHaveText('Hostile note');

  // The same note typed into the editor.
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await app.noteEditor.fill(`${HOSTILE_NOTE}\n\nTyped again.`);
  await app.noteEditor.blur();
  await expect(app.details.getByText('Saved', { exact: true })).toBeVisible();
  await expect(app.details.getByRole('button', { name: 'Create “<b>Nowhere</b>”' })).toBeVisible();
  await app.details.getByRole('tab', { name: 'Preview' }).click();
  await expect(preview).toContainText('Typed again.');
  await expectClean(app);

  // Tags refuse markup with the service's sentence, and keep what was typed.
  const tags = app.details.getByRole('textbox', { name: 'Tags' });
  await tags.fill('<script>');
  await tags.press('Enter');
  await expect(app.details.getByRole('alert')).toHaveText(
    '"<script>" is not a tag: use up to 50 letters, digits, -, _ or /.',
  );
  await expect(tags).toHaveValue('<script>');

  // A hostile label and relation typed into the forms.
  await app.button('New concept').click();
  const dialog = app.dialog('New concept');
  await dialog
    .getByRole('textbox', { name: 'Label' })
    .fill('"><img src=x onerror=window.__pwned=1>');
  await dialog.getByRole('combobox', { name: 'Category' }).fill('<svg onload=window.__pwned=1>');
  await expect(
    dialog.getByRole('option', { name: 'New category “<svg onload=window.__pwned=1>”' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.heading).toHaveText('"><img src=x onerror=window.__pwned=1>');
  await app.details.getByRole('button', { name: 'Add link' }).click();
  const form = app.details.getByRole('form', { name: 'Add link' });
  await form.getByRole('combobox', { name: 'Target concept' }).fill('Hostile note');
  await form.getByRole('option', { name: 'Hostile note' }).click();
  await form.getByRole('combobox', { name: 'Relation' }).fill('<script>window.__pwned=1</script>');
  // Enter saves: the suggestions list stays out of the way.
  await form.getByRole('combobox', { name: 'Relation' }).press('Enter');
  await expect(app.details.getByRole('region', { name: 'Outgoing links' })).toContainText(
    '<script>window.__pwned=1</script>',
  );
  await expectClean(app);

  // The history names the hostile labels, as text.
  await app.button('History').click();
  await expect(app.historyPanel).toContainText('Created “<script>window.__pwned=1</script>”');
  await expectClean(app);
  await app.screenshot('1x-hostile-history');

  // And the command palette's concept results.
  await app.page.keyboard.press('Control+Shift+P');
  await app.page.keyboard.type('pwned');
  await expect(app.dialog('Command palette').getByRole('option').first()).toBeVisible();
  await expectClean(app);
  await app.page.keyboard.press('Escape');
  await expectClean(app);
});
