import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nodeId } from './element-ids';
import { freeSpot, Viewport, viewportFor } from './viewport';

describe('a free spot for a new concept', () => {
  it('is the centre when nothing is near', () => {
    expect(freeSpot({ x: 10, y: 20 }, [{ x: 500, y: 500 }])).toEqual({ x: 10, y: 20 });
  });

  it('moves out on a spiral until it is clear of every concept', () => {
    const taken = [
      { x: 0, y: 0 },
      { x: 35, y: 0 },
      { x: -35, y: 0 },
    ];
    const spot = freeSpot({ x: 0, y: 0 }, taken);
    for (const t of taken)
      expect(Math.hypot(t.x - spot.x, t.y - spot.y)).toBeGreaterThanOrEqual(70);
  });
});

describe('fitting a box on screen', () => {
  it('zooms so the box fills the screen less the padding, centred', () => {
    const { zoom, pan } = viewportFor(
      { x1: 0, y1: 0, w: 1000, h: 500 },
      { width: 1040, height: 800 },
      20,
      { min: 0.01, max: 4 },
    );
    expect(zoom).toBeCloseTo(1, 6);
    expect(pan).toEqual({ x: 520 - 500, y: 400 - 250 });
  });

  it('keeps to the zoom limits', () => {
    expect(
      viewportFor({ x1: 0, y1: 0, w: 1, h: 1 }, { width: 800, height: 600 }, 20, {
        min: 0.1,
        max: 1.6,
      }).zoom,
    ).toBe(1.6);
  });
});

/** Concepts a at (0, 0) and b at (400, 300), headless. */
function twoConcepts() {
  return cytoscape({
    headless: true,
    elements: [
      { data: { id: nodeId('a') }, position: { x: 0, y: 0 } },
      { data: { id: nodeId('b') }, position: { x: 400, y: 300 } },
    ],
    layout: { name: 'preset' },
  });
}

describe('an animated move of the camera', () => {
  it('tells the zoom it will end at before it starts, so sizes need not wait for it', () => {
    const cy = twoConcepts();
    const heard: number[] = [];
    const viewport = new Viewport(cy, (zoom) => heard.push(zoom));
    cy.zoom(0.05);
    viewport.centreOn('a');
    expect(heard).toEqual([1.1]);
    viewport.zoomBy(2);
    expect(heard[1]).toBeCloseTo(cy.zoom() * 2);
    viewport.fit();
    expect(heard).toHaveLength(3);
    cy.destroy();
  });
});

describe('a camera move when the system asks for reduced motion', () => {
  it('jumps to where the animation would end', () => {
    const cy = twoConcepts();
    const heard: number[] = [];
    const viewport = new Viewport(
      cy,
      (zoom) => heard.push(zoom),
      () => true,
    );
    cy.zoom(0.05);
    viewport.centreOn('b');
    expect(cy.animated()).toBe(false);
    expect(cy.zoom()).toBe(1.1);
    expect(viewport.centre().x).toBeCloseTo(400);
    expect(viewport.centre().y).toBeCloseTo(300);
    viewport.zoomBy(2);
    expect(cy.zoom()).toBeCloseTo(2.2);
    expect(viewport.centre().x).toBeCloseTo(400);
    viewport.fit();
    expect(cy.animated()).toBe(false);
    expect(heard).toEqual([1.1, 2.2, cy.zoom()]);
    cy.destroy();
  });
});
