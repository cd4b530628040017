import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

function defaultLinks(): Set<string> {
  const graph = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), 'data', 'default-graph.json'), 'utf8'),
  ) as {
    concepts: { id: string; label: string }[];
    links: { source: string; target: string; relation: string }[];
  };
  const label = new Map(graph.concepts.map((c) => [c.id, c.label]));
  return new Set(
    graph.links.map((l) => `${label.get(l.source)} —${l.relation}→ ${label.get(l.target)}`),
  );
}

/** The hops of a path sentence, each as `A —relation→ B` the way the link points. */
function hopsOf(sentence: string): string[] {
  const parts = sentence.split(/ (—[^→]+→|←[^—]+—) /);
  const hops: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const [from, arrow, to] = [parts[i - 1]!, parts[i]!, parts[i + 1]!];
    hops.push(
      arrow.startsWith('—') ? `${from} ${arrow} ${to}` : `${to} —${arrow.slice(1, -1)}→ ${from}`,
    );
  }
  return hops;
}

test('how are Pod and etcd connected: three real paths, lit on the map; a limit says so', async ({
  app,
  cairn,
}) => {
  const links = defaultLinks();
  await app.open(cairn.url);
  await app.search('Pod');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Pod');
  await app.details.getByRole('button', { name: 'Find path to…' }).click();
  const panel = app.page.getByRole('complementary', { name: 'Paths' });
  await expect(panel.getByRole('combobox', { name: 'From' })).toHaveValue('Pod');
  await panel.getByRole('combobox', { name: 'To' }).fill('etcd');
  await panel.getByRole('option', { name: 'etcd' }).first().click();
  await panel.getByRole('button', { name: 'Find paths' }).click();
  const found = panel.getByRole('listbox', { name: 'Paths found' }).getByRole('option');
  await expect(found).toHaveCount(3);
  for (const option of await found.all()) {
    const sentence = (await option.getAttribute('aria-label'))!;
    expect(sentence.startsWith('Pod ')).toBe(true);
    expect(sentence.endsWith(' etcd')).toBe(true);
    for (const hop of hopsOf(sentence)) expect(links, hop).toContain(hop);
  }
  // The first path is lit: its concepts, and both ends among them.
  await expect.poll(() => app.inspect<string[]>('highlightedIds')).toContain('etcd');
  expect(await app.inspect<string[]>('highlightedIds')).toContain('pod');
  await app.settle();
  await app.screenshot('path-pod-etcd');

  // A hop can be clicked: it goes to that concept.
  await found.nth(1).click();
  await expect(found.nth(1)).toHaveAttribute('aria-selected', 'true');
  await found.nth(1).getByRole('button', { name: 'etcd' }).click();
  await expect(app.heading).toHaveText('etcd');

  // One hop is not enough, and the answer names that limit.
  await panel.getByRole('spinbutton', { name: 'Max hops' }).fill('1');
  await panel.getByRole('button', { name: 'Find paths' }).click();
  await expect(panel.getByRole('status')).toContainText(/at most 1 link/);
  await app.screenshot('path-none-within-limit');
});
