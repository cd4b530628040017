import { api } from './api';
import { expect, test } from './fixtures';

// A word longer than the panel is wide (a hash, a URL, a long identifier) wraps inside
// the details panel: the panel never scrolls sideways.
const LONG = (c: string, n: number) => c.repeat(n);

test('long unbroken words wrap in the details panel', async ({ app, cairn }) => {
  await app.open(cairn.url);
  const target = await api<{ value: { concept: { id: string } } }>(app.page, 'createConcept', {
    label: LONG('T', 200),
    category: LONG('C', 80),
    description: LONG('d', 3000),
  });
  const made = await api<{ value: { concept: { id: string } } }>(app.page, 'createConcept', {
    label: LONG('W', 200),
    category: LONG('C', 80),
    description: `${LONG('x', 2000)} https://example.org/${LONG('p', 500)}`,
  });
  const id = made.value.concept.id;
  await api(app.page, 'createLink', {
    source: id,
    target: target.value.concept.id,
    relation: LONG('r', 60),
  });
  await api(app.page, 'setTags', { id, tags: [LONG('t', 50)] });
  await api(app.page, 'saveNote', {
    id,
    body: [
      LONG('n', 3000),
      `[${LONG('l', 400)}](https://example.org/${LONG('q', 400)})`,
      `\`${LONG('c', 400)}\``,
      `[[${LONG('T', 200)}]]`,
      `# ${LONG('h', 300)}`,
      `> ${LONG('b', 300)}`,
      `| ${LONG('a', 300)} | ${LONG('z', 300)} |\n| --- | --- |\n| ${LONG('e', 300)} | f |`,
    ].join('\n\n'),
  });
  await app.page.reload();
  await app.waitReady();
  await app.searchBox.fill('WWWW');
  await expect(app.results.getByRole('option').first()).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(LONG('W', 200));
  await expect(app.notePreview).toContainText(LONG('n', 50));
  const overflow = await app.details.evaluate((panel) => {
    const right = panel.getBoundingClientRect().right;
    // Anything sticking out past the panel's edge, outside a box that scrolls on its own.
    const sticking = Array.from(panel.querySelectorAll('*'))
      .filter((e) => e.getBoundingClientRect().right > right + 1)
      .filter((e) => !e.closest('pre, table'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { scroll: panel.scrollWidth - panel.clientWidth, sticking };
  });
  expect(overflow).toEqual({ scroll: 0, sticking: [] });
  await app.screenshot('11-long-words');

  // The local graph names its focus in a bar over the map: the word wraps there too,
  // and the page does not scroll sideways.
  await app.page.keyboard.press('g');
  const bar = app.page.getByRole('region', { name: 'Local graph' });
  await expect(bar).toContainText(LONG('W', 40));
  const sideways = await bar.evaluate((element) => {
    const map = element.parentElement!.getBoundingClientRect();
    const root = document.documentElement;
    const title = element.querySelector('h2')!;
    return {
      page: root.scrollWidth - root.clientWidth,
      barPastTheMap: Math.max(0, element.getBoundingClientRect().right - map.right),
      titleOverflows: title.scrollWidth > title.clientWidth + 1,
    };
  });
  expect(sideways).toEqual({ page: 0, barPastTheMap: 0, titleOverflows: false });
  await app.settle();
  await app.screenshot('11-long-words-local-graph');
});
