import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

/** The default graph's typed links, to know what a neighbourhood holds. */
function defaultNeighbours(): Map<string, Set<string>> {
  const graph = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), 'data', 'default-graph.json'), 'utf8'),
  ) as { links: { source: string; target: string }[] };
  const next = new Map<string, Set<string>>();
  for (const { source, target } of graph.links) {
    (next.get(source) ?? next.set(source, new Set()).get(source)!).add(target);
    (next.get(target) ?? next.set(target, new Set()).get(target)!).add(source);
  }
  return next;
}

function within(next: Map<string, Set<string>>, from: string, depth: number): Set<string> {
  const seen = new Set([from]);
  let frontier = [from];
  for (let hop = 0; hop < depth; hop++) {
    frontier = frontier.flatMap((id) => [...(next.get(id) ?? [])].filter((o) => !seen.has(o)));
    for (const id of frontier) seen.add(id);
  }
  return seen;
}

test('the local graph of etcd at depth 1, 2 and 3, then Expand and Collapse API server', async ({
  app,
  cairn,
}) => {
  const next = defaultNeighbours();
  await app.open(cairn.url);
  const before = await app.inspect<{ x: number; y: number }>('nodePosition', 'pod');
  await app.search('etcd');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('etcd');
  // Enter hands the keyboard to the map: G opens the local graph at once.
  await app.page.keyboard.press('g');
  const bar = app.page.getByRole('region', { name: 'Local graph' });
  await expect(bar).toContainText('Local graph of etcd');
  const depth = bar.getByRole('slider', { name: 'Depth' });
  await expect(depth).toHaveValue('1');
  await expect
    .poll(() => app.inspect<string[]>('visibleNodeIds'))
    .toEqual([...within(next, 'etcd', 1)].sort());
  await app.settle();
  await app.screenshot('local-etcd-depth-1');

  // Expand API server: its neighbours join; the button said how many before.
  await app.clickConcept('api-server');
  await expect(app.heading).toHaveText('API server');
  const depth1 = within(next, 'etcd', 1);
  const hidden = [...(next.get('api-server') ?? [])].filter((id) => !depth1.has(id));
  expect(hidden.length).toBeGreaterThan(0);
  const expand = app.details.getByRole('button', { name: /^Expand/ });
  await expect(expand).toHaveAccessibleName(`Expand ${hidden.length}`);
  await expand.click();
  const expanded = new Set([...depth1, ...(next.get('api-server') ?? [])]);
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual([...expanded].sort());
  await app.settle();
  await app.screenshot('local-etcd-api-server-expanded');

  // Collapse takes away exactly what API server brought in.
  await app.details.getByRole('button', { name: 'Collapse' }).click();
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual([...depth1].sort());

  // Depth 2, then Expand API server: the view holds exactly those two neighbourhoods.
  await depth.focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(depth).toHaveValue('2');
  const depth2 = within(next, 'etcd', 2);
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual([...depth2].sort());
  // The rings animate in: click API server where it ends up, not on its way there.
  await app.settle();
  await app.clickConcept('api-server');
  await expect(app.heading).toHaveText('API server');
  const both = new Set([...depth2, ...(next.get('api-server') ?? [])]);
  const more = [...both].length - depth2.size;
  await expect(expand).toHaveAccessibleName(`Expand ${more}`);
  if (more > 0) await expand.click();
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual([...both].sort());
  await app.settle();
  await app.screenshot('local-etcd-depth-2');

  await depth.fill('3');
  await expect
    .poll(() => app.inspect<string[]>('visibleNodeIds'))
    .toEqual([...within(next, 'etcd', 3)].sort());
  await app.settle();
  await app.screenshot('local-etcd-depth-3');

  // Back to the whole graph: every concept, where it was.
  await bar.getByRole('button', { name: 'Whole graph' }).click();
  await expect(bar).toHaveCount(0);
  await expect.poll(() => app.inspect<number>('nodeCount')).toBe(146);
  expect(await app.inspect('nodePosition', 'pod')).toEqual(before);
});

test('a double click opens the local graph, and expands a concept in it', async ({
  app,
  cairn,
}) => {
  const next = defaultNeighbours();
  await app.open(cairn.url);
  await app.settle();
  const at = await app.inspect<{ x: number; y: number }>('renderedPosition', 'pod');
  await app.page.mouse.dblclick(at.x, at.y);
  await expect(app.page.getByRole('region', { name: 'Local graph' })).toContainText('Pod');
  await expect
    .poll(() => app.inspect<string[]>('visibleNodeIds'))
    .toEqual([...within(next, 'pod', 1)].sort());
  await app.settle();
  const other = [...next.get('pod')!].find((id) => (next.get(id)?.size ?? 0) > 1)!;
  const spot = await app.inspect<{ x: number; y: number }>('renderedPosition', other);
  await app.page.mouse.dblclick(spot.x, spot.y);
  await expect
    .poll(() => app.inspect<string[]>('visibleNodeIds'))
    .toEqual([...new Set([...within(next, 'pod', 1), ...next.get(other)!])].sort());
});
