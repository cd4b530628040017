import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nodeId } from './element-ids';
import { moveToPositions, ringsAround } from './layout-motion';

// Headless Cytoscape cannot play a layout's animation, so the gliding path is left to
// the end-to-end tests; here, that reduced motion puts everything in place at once.

function graph() {
  return cytoscape({
    headless: true,
    elements: [
      { data: { id: nodeId('a') }, position: { x: 0, y: 0 } },
      { data: { id: nodeId('b') }, position: { x: 10, y: 0 } },
    ],
    layout: { name: 'preset' },
  });
}

describe('moving concepts when the system asks for reduced motion', () => {
  it("puts a layout's positions in place at once", async () => {
    const cy = graph();
    const moving = moveToPositions(cy, [{ id: 'a', x: -50, y: 40 }], false);
    expect(cy.$id(nodeId('a')).position()).toEqual({ x: -50, y: 40 });
    expect(cy.$id(nodeId('b')).position()).toEqual({ x: 10, y: 0 });
    await moving;
    cy.destroy();
  });

  it("sets a local graph's rings at once", async () => {
    const cy = graph();
    const before = { ...cy.$id(nodeId('b')).position() };
    const rings = ringsAround(
      cy,
      ['a'],
      new Map([
        ['a', 0],
        ['b', 1],
      ]),
      false,
    );
    expect(cy.$id(nodeId('b')).position()).not.toEqual(before);
    await rings;
    cy.destroy();
  });
});
