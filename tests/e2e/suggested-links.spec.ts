import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// Suggested links, as a new user meets them: a note that says "etcd stores data for the
// API server" in plain text offers both mentions and the typed link; Link it, Add link
// and Dismiss each work and are undoable; a dismissal survives a reload; typing [[ in a
// note lists the concepts to link.

test('a note stating “etcd stores data for the API server” offers the mentions and the typed link', async ({
  app,
  cairn,
}) => {
  test.setTimeout(90_000);
  await app.open(cairn.url);
  // The default graph has this link: take it out, so the note is what states it.
  await app.openConcept('etcd');
  await app.details
    .getByRole('button', { name: 'Delete link stores data for → API server' })
    .click();
  await expect.poll(() => app.inspect<string[]>('edgesBetween', 'etcd', 'api-server')).toEqual([]);

  await app.openConcept('Pod');
  await app.writeNote(
    'etcd stores data for the API server. The `etcd` in code and [the etcd docs](https://etcd.io) are no mentions.',
  );
  const section = app.details.getByRole('region', { name: /Suggested links/ });
  const mentions = section.getByRole('list', { name: 'Unlinked mentions' });
  await expect(mentions.getByRole('listitem')).toHaveText([
    /^etcd.*etcd stores data for the API server\./,
    /^API server.*etcd stores data for the API server\./,
  ]);
  await expect(mentions.getByRole('listitem').first().locator('mark')).toHaveText('etcd');
  const stated = section.getByRole('list', { name: 'Links the note states' });
  const typed = stated.getByRole('listitem', { name: 'Link: etcd stores data for API server' });
  await expect(typed).toContainText('etcd stores data for the API server.');
  await section.scrollIntoViewIfNeeded();
  await app.settle();
  await app.screenshot('suggested-links-offered');
  const { violations } = await new AxeBuilder({ page: app.page }).include('aside').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // Link it: the words become [[etcd]], Pod mentions etcd on the map, and undo takes it back.
  const edges = await app.inspect<number>('edgeCount');
  await mentions
    .getByRole('listitem', { name: 'Mention of etcd' })
    .getByRole('button', { name: 'Link it' })
    .click();
  await expect(app.page.locator('.toast')).toContainText('Linked “etcd” in the note.');
  await expect.poll(() => app.inspect<number>('edgeCount')).toBe(edges + 1);
  expect(await app.inspect<string[]>('edgesBetween', 'pod', 'etcd')).toContain(
    'mention:mentions:user',
  );
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await expect(app.noteEditor).toHaveValue(/^\[\[etcd\]\] stores data for the API server\./);
  await expect(mentions.getByRole('listitem')).toHaveCount(1);
  await app.page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => app.inspect<number>('edgeCount')).toBe(edges);
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await expect(app.noteEditor).toHaveValue(/^etcd stores data for the API server\./);
  await expect(mentions.getByRole('listitem')).toHaveCount(2);

  // Add link: the typed link is drawn, and the suggestion goes.
  await typed.getByRole('button', { name: 'Add link' }).click();
  await expect
    .poll(() => app.inspect<string[]>('edgesBetween', 'etcd', 'api-server'))
    .toEqual(['typed:stores data for:user']);
  await expect(stated).toHaveCount(0);

  // Dismiss: the mention of API server is not offered again, even after a reload.
  await mentions
    .getByRole('listitem', { name: 'Mention of API server' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  await expect(mentions.getByRole('listitem')).toHaveText([/^etcd/]);
  await app.page.reload();
  await app.waitReady();
  await app.openConcept('Pod');
  await expect(mentions.getByRole('listitem')).toHaveText([/^etcd/]);
  await app.page.keyboard.press('Control+z');
  await expect(mentions.getByRole('listitem')).toHaveCount(2);
});

test('typing [[ in a note lists the concepts to link, ranked like search', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.openConcept('Pod');
  await app.details.getByRole('tab', { name: 'Write' }).click();
  await app.noteEditor.click();
  await app.noteEditor.pressSequentially('Runs beside [[api se');
  const list = app.details.getByRole('listbox', { name: 'Concepts to link' });
  await expect(list.getByRole('option').first()).toHaveText(/API server/);
  await expect(app.noteEditor).toHaveAttribute('aria-activedescendant', /.+/);
  await app.settle();
  await app.screenshot('suggested-links-autocomplete');
  await app.page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(app.noteEditor).toHaveValue('Runs beside [[API server]]');
  await app.page.keyboard.type(' and [[etc');
  await expect(list.getByRole('option').first()).toHaveText(/etcd/);
  // Esc closes the list and keeps the text as typed.
  await app.page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(app.noteEditor).toHaveValue('Runs beside [[API server]] and [[etc');
  await expect(app.heading).toHaveText('Pod');
  await app.noteEditor.blur();
  await expect(app.details.getByText('Saved', { exact: true })).toBeVisible();
  await expect
    .poll(() => app.inspect<string[]>('edgesBetween', 'pod', 'api-server'))
    .toContain('mention:mentions:user');
});
