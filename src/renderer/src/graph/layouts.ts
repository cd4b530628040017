import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { Link, Position } from '../../../shared/domain';

/**
 * fcose tuned so that ~150 concepts spread into readable clusters rather than a
 * hairball; bigger graphs fall back to the cheaper spectral-only draft.
 */
export function fcoseOptions(nodeCount: number, animate: boolean): FcoseLayoutOptions {
  const large = nodeCount > 3000;
  return {
    name: 'fcose',
    quality: large ? 'draft' : 'default',
    randomize: true,
    animate,
    animationDuration: 450,
    animationEasing: 'ease-out',
    // The controller fits afterwards, by positions (Viewport.fit).
    fit: false,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    packComponents: false,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 70,
    edgeElasticity: () => 0.35,
    nestingFactor: 0.1,
    gravity: 0.35,
    gravityRange: 3.8,
    numIter: 2500,
    nodeSeparation: 85,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
  };
}

/** How many stored positions are enough to keep the stored layout and only place the rest. */
export function storedLayoutUsable(stored: number, total: number): boolean {
  return stored > 0 && stored >= total / 2;
}

/**
 * Places concepts that have no stored position: next to the average of their placed
 * neighbours, or, with none, on a ring just outside the drawing. Deterministic, so a
 * reload puts them in the same spot until they are saved.
 */
export function placeMissing(
  ids: readonly string[],
  known: ReadonlyMap<string, Position>,
  links: readonly Link[],
): Position[] {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return [];
  const neighbours = new Map<string, string[]>();
  for (const link of links) {
    (neighbours.get(link.source) ?? neighbours.set(link.source, []).get(link.source)!).push(
      link.target,
    );
    (neighbours.get(link.target) ?? neighbours.set(link.target, []).get(link.target)!).push(
      link.source,
    );
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of known.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const radius = Math.max(maxX - minX, maxY - minY) / 2 + 120;

  const placed = new Map(known);
  const result: Position[] = [];
  missing.forEach((id, index) => {
    const around = (neighbours.get(id) ?? [])
      .map((n) => placed.get(n))
      .filter((p): p is Position => p !== undefined);
    // A golden-angle offset keeps siblings placed around one neighbour apart.
    const angle = index * 2.399963;
    let position: Position;
    if (around.length > 0) {
      const x = around.reduce((sum, p) => sum + p.x, 0) / around.length;
      const y = around.reduce((sum, p) => sum + p.y, 0) / around.length;
      position = { id, x: x + 60 * Math.cos(angle), y: y + 60 * Math.sin(angle) };
    } else {
      position = { id, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
    }
    placed.set(id, position);
    result.push(position);
  });
  return result;
}
