import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

interface DefaultGraph {
  concepts: { id: string; category: string }[];
  links: { source: string; target: string; relation: string }[];
}

function expectedView(hiddenCategory: string, onlyRelations: string[]) {
  const graph = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), 'data', 'default-graph.json'), 'utf8'),
  ) as DefaultGraph;
  const category = new Map(graph.concepts.map((c) => [c.id, c.category]));
  // A link shows when its relation is one of those shown and neither end is hidden; a
  // concept shows when one of its links does (the relations facet is on).
  const links = graph.links.filter(
    (l) =>
      onlyRelations.includes(l.relation) &&
      category.get(l.source) !== hiddenCategory &&
      category.get(l.target) !== hiddenCategory,
  );
  return {
    aHidden: graph.concepts.find((c) => c.category === hiddenCategory)!.id,
    concepts: [...new Set(links.flatMap((l) => [l.source, l.target]))].sort(),
    links: links.length,
  };
}

test('hiding Career and showing only "runs on" and "part of" gives that view, kept after a reload', async ({
  app,
  cairn,
}) => {
  const expected = expectedView('career', ['runs on', 'part of']);
  expect(expected.concepts.length).toBeGreaterThan(5);
  await app.open(cairn.url);
  const filters = app.page.getByRole('complementary', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Hide Career' }).click();
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).not.toContain(expected.aHidden);
  await filters.getByText('Relations', { exact: true }).click();
  await filters.getByRole('button', { name: 'Show only runs on' }).click();
  await filters.getByRole('button', { name: 'Show only part of' }).click();
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual(expected.concepts);
  expect(await app.inspect<number>('visibleEdgeCount')).toBe(expected.links);
  await expect(app.status).toContainText(`showing ${expected.concepts.length}`);
  await app.settle();
  await app.screenshot('filter-career-hidden-runs-on-part-of');

  await app.page.reload();
  await app.waitReady();
  await expect.poll(() => app.inspect<string[]>('visibleNodeIds')).toEqual(expected.concepts);
  await expect(filters.getByRole('button', { name: 'Show Career' })).toBeVisible();

  await filters.getByRole('button', { name: 'Show everything' }).click();
  await expect.poll(() => app.inspect<number>('nodeCount')).toBe(146);
});
