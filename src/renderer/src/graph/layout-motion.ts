import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { Position } from '../../../shared/domain';
import { conceptIdOf, nodeId } from './element-ids';

/** Layouts move concepts with an animation up to this many; beyond, they jump. */
const ANIMATE_UP_TO = 2000;

async function run(cy: Core, options: LayoutOptions): Promise<void> {
  const layout = cy.layout(options);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}

/**
 * A local graph's own arrangement: rings by distance from the focus, animated in from
 * where the concepts were (or at once, `animate` false, when motion is reduced).
 */
export function ringsAround(
  cy: Core,
  focus: readonly string[],
  distance: ReadonlyMap<string, number>,
  animate = true,
): Promise<void> {
  const max = Math.max(0, ...distance.values());
  return run(cy, {
    name: 'concentric',
    concentric: (node: NodeSingular) =>
      max - (distance.get(conceptIdOf(node)) ?? max) + (focus.includes(conceptIdOf(node)) ? 1 : 0),
    levelWidth: () => 1,
    minNodeSpacing: 28,
    animate,
    animationDuration: 420,
    fit: false,
  } as LayoutOptions);
}

/**
 * Moves concepts to a layout's positions (computed in the worker), animated when few
 * and motion is not reduced.
 */
export function moveToPositions(
  cy: Core,
  positions: readonly Position[],
  animate = true,
): Promise<void> {
  const to = new Map(positions.map((p) => [nodeId(p.id), { x: p.x, y: p.y }]));
  return run(cy, {
    name: 'preset',
    positions: (node: NodeSingular) => to.get(node.id()) ?? node.position(),
    animate: animate && positions.length <= ANIMATE_UP_TO,
    animationDuration: 450,
    animationEasing: 'ease-out',
    fit: false,
  } as LayoutOptions);
}
