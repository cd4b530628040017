import AxeBuilder from '@axe-core/playwright';
import { api } from './api';
import { expect, test } from './fixtures';

// Time travel as a new user meets it: create, rename and delete concepts, then drag the
// timeline back. Each state is shown as it was: concepts made later are gone, the
// deleted one is back and faded, the renamed one wears its old label, and its details
// are as they were. Nothing can be changed in the past; "What changed since" lists and
// lights the changes; closing the timeline brings the present back.

test('drag the timeline back: each state is shown as it was, then back to now', async ({
  app,
  cairn,
}) => {
  test.setTimeout(90_000);
  await app.open(cairn.url);
  await app.createConcept('Quillgate', 'My stuff', 'A proxy of my own.');
  await app.button('Edit concept').click();
  const form = app.details.getByRole('form', { name: 'Edit concept' });
  await form.getByRole('textbox', { name: 'Label' }).fill('Quillgate proxy');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.heading).toHaveText('Quillgate proxy');
  await api(app.page, 'deleteConcept', { id: 'kubelet' });
  await app.page.reload();
  await app.waitReady();
  expect(await app.inspect<string | null>('nodeLabel', 'kubelet')).toBeNull();
  await app.openConcept('Quillgate proxy');

  await app.page.keyboard.press('m');
  const bar = app.page.getByRole('region', { name: 'Timeline' });
  const slider = bar.getByRole('slider', { name: 'Moment' });
  await expect(bar.locator('output')).toHaveText('Now · 3 changes');

  // One step back: before kubelet was deleted. It is back, faded; the rest as now.
  await bar.getByRole('button', { name: 'Earlier' }).click();
  await expect(bar.locator('output')).toContainText(
    'after “Renamed “Quillgate” to “Quillgate proxy””',
  );
  await expect.poll(() => app.inspect<string[]>('ghostIds')).toEqual(['kubelet']);
  expect(await app.inspect<string | null>('nodeLabel', 'quillgate')).toBe('Quillgate proxy');
  await expect(bar).toContainText('1 concept deleted since is shown faded.');
  await app.settle();
  await app.screenshot('time-travel-kubelet-back');
  const { violations } = await new AxeBuilder({ page: app.page })
    .include('.timeline-bar')
    .analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // Back again: Quillgate has its first label, in the map and in its details.
  await slider.focus();
  await app.page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', /after “Created “Quillgate””$/);
  await expect.poll(() => app.inspect<string | null>('nodeLabel', 'quillgate')).toBe('Quillgate');
  await expect(app.heading).toHaveText('Quillgate');
  await expect(app.button('Edit concept')).toBeDisabled();
  // The past cannot be changed, not even by its API.
  await expect(
    api(app.page, 'createConcept', { label: 'Later', category: 'My stuff' }),
  ).rejects.toThrow('The timeline shows the graph as it was: come back to now to change it.');

  // Before the first change: Quillgate did not exist yet, and the timeline says so.
  await app.page.keyboard.press('Home');
  await expect.poll(() => app.inspect<string | null>('nodeLabel', 'quillgate')).toBeNull();
  await expect(bar.getByRole('note')).toContainText(
    'This is the graph before the first recorded change',
  );
  await expect(app.details).toContainText('No concept selected');
  await expect(app.details).toContainText('The timeline shows the graph as it was');
  await app.settle();
  await app.screenshot('time-travel-before-first');

  // What changed since then: the map comes back to now with the changes lit.
  await bar.getByRole('button', { name: 'What changed since' }).click();
  const changes = bar.getByRole('region', { name: 'What changed' });
  await expect(changes.getByRole('heading', { level: 3 })).toContainText(
    '1 added, 0 edited, 1 deleted',
  );
  await expect(changes.getByRole('list', { name: 'Added' })).toHaveText('Quillgate proxy');
  await expect(changes.getByRole('list', { name: 'Deleted' })).toHaveText('kubelet');
  await expect(bar.locator('output')).toHaveText('Now · 3 changes');
  await expect.poll(() => app.inspect<string[]>('highlightedIds')).toContain('quillgate');
  await app.settle();
  await app.screenshot('time-travel-changes');

  // Closing the timeline: the present, editable again.
  await bar.getByRole('button', { name: 'Close the timeline' }).click();
  await expect(bar).toHaveCount(0);
  expect(await app.inspect<string | null>('nodeLabel', 'kubelet')).toBeNull();
  expect(await app.inspect<string[]>('ghostIds')).toEqual([]);
  await app.openConcept('Quillgate proxy');
  await expect(app.button('Edit concept')).toBeEnabled();
});

test('a reload in the past opens the graph as it is now', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await api(app.page, 'deleteConcept', { id: 'kubelet' });
  await api(app.page, 'travelTo', { after: 0 });
  // As if another tab (or this one, before a reload) had left the services in the past.
  await app.page.reload();
  await app.waitReady();
  await expect.poll(() => app.inspect<string | null>('nodeLabel', 'kubelet')).toBeNull();
  await app.openConcept('etcd');
  await expect(app.button('Edit concept')).toBeEnabled();
  await api(app.page, 'createConcept', { label: 'Now again', category: 'Mine' });
});
