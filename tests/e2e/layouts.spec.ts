import { expect, test, type CairnApp } from './fixtures';

/** The layouts the Layout menu offers (src/shared/layouts.ts), by name and label. */
const LAYOUTS = {
  force: 'Force-directed',
  concentric: 'Concentric',
  hierarchy: 'Hierarchy',
  categories: 'By category',
  circle: 'Circle',
  grid: 'Grid',
} as const;
const LAYOUT_NAMES = Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[];

async function chooseLayout(app: CairnApp, label: string) {
  await app.page.getByRole('button', { name: 'Layout', exact: true }).click();
  await app.page
    .getByRole('menu', { name: 'Layout' })
    .getByRole('menuitemradio', { name: label })
    .click();
}

async function positions(app: CairnApp, ids: string[]) {
  const out: Record<string, { x: number; y: number } | null> = {};
  for (const id of ids) out[id] = await app.inspect('nodePosition', id);
  return out;
}

const SAMPLE = ['pod', 'etcd', 'api-server', 'notary', 'kubernetes', 'docker'];

test('each layout arranges the map readably, and one undo takes a layout back', async ({
  app,
  cairn,
}) => {
  // Six layouts, each animated and looked at: longer than one interaction.
  test.slow();
  await app.open(cairn.url);
  await app.settle();
  const start = await positions(app, SAMPLE);
  let previous = start;
  for (const name of LAYOUT_NAMES) {
    const label = `Layout: ${LAYOUTS[name]}`;
    await chooseLayout(app, label);
    await expect(app.page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0, {
      timeout: 30_000,
    });
    await expect
      .poll(async () => JSON.stringify(await positions(app, SAMPLE)))
      .not.toBe(JSON.stringify(previous));
    await app.settle();
    previous = await positions(app, SAMPLE);
    await app.screenshot(`layout-${name}`);
    // The menu shows the one in use.
    await app.page.getByRole('button', { name: 'Layout', exact: true }).click();
    await expect(app.page.getByRole('menuitemradio', { name: label })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await app.page.keyboard.press('Escape');
  }
  // One layout is one step: undo restores every position it replaced.
  const beforeLast = await positions(app, SAMPLE);
  await chooseLayout(app, `Layout: ${LAYOUTS.force}`);
  await expect
    .poll(async () => JSON.stringify(await positions(app, SAMPLE)))
    .not.toBe(JSON.stringify(beforeLast));
  await app.settle();
  await app.button('Undo').click();
  await expect
    .poll(async () => JSON.stringify(await positions(app, SAMPLE)))
    .toBe(JSON.stringify(beforeLast));
});

test('a pinned concept survives a re-layout; concepts placed by hand are asked about', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.settle();
  await app.clickConcept('etcd');
  await expect(app.heading).toHaveText('etcd');
  await app.details.getByRole('button', { name: 'Pin' }).click();
  await expect(app.details.getByRole('button', { name: 'Pin' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const pinned = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
  await app.settle();
  await app.screenshot('pinned-etcd');

  // Drag Pod by hand: a re-layout then asks before it moves it.
  const pod = await app.inspect<{ x: number; y: number }>('renderedPosition', 'pod');
  await app.page.mouse.move(pod.x, pod.y);
  await app.page.mouse.down();
  await app.page.mouse.move(pod.x + 60, pod.y + 40, { steps: 8 });
  await app.page.mouse.up();
  await expect(app.button('Undo')).toHaveAttribute('title', /Moved “Pod”/);
  const dragged = await app.inspect<{ x: number; y: number }>('nodePosition', 'pod');

  await app.page.getByRole('button', { name: 'Layout', exact: true }).click();
  await app.page.getByRole('menuitem', { name: 'Re-layout' }).click();
  const ask = app.dialog('Lay out the map');
  await expect(ask).toContainText('Move a concept you placed by hand?');
  await app.screenshot('layout-asks-about-hand-placed');
  await ask.getByRole('button', { name: 'Keep them in place' }).click();
  await expect(ask).toHaveCount(0);
  await expect(app.page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0, {
    timeout: 30_000,
  });
  await app.settle();
  expect(await app.inspect('nodePosition', 'etcd')).toEqual(pinned);
  expect(await app.inspect('nodePosition', 'pod')).toEqual(dragged);

  // After a reload the pin is still there.
  await app.page.reload();
  await app.waitReady();
  await app.clickConcept('etcd');
  await expect(app.details.getByRole('button', { name: 'Pin' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
