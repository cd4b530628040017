import { describe, expect, it } from 'vitest';
import { conceptIdOf, edgeId, linkIdOf, nodeId } from './element-ids';

describe('element ids', () => {
  it('round-trips every Object.prototype name without ever being one', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const id = nodeId(name);
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain(id);
      expect(conceptIdOf({ id: () => id })).toBe(name);
    }
  });

  it('numbers edges by their link, and knows an edge Cytoscape made itself', () => {
    expect(linkIdOf({ id: () => edgeId(42) })).toBe(42);
    expect(linkIdOf({ id: () => 'eh-preview-1' })).toBeNaN();
  });
});
