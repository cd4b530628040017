// "By category": a cluster per category, the clusters on a grid, each cluster a sunflower
// (Vogel's spiral) with the most linked concepts in the middle. Linear in the number of
// concepts, so it also places a 100,000-concept graph on first open (main), where a
// force-directed layout would take minutes. Platform-free: the layout worker uses it too.

export interface ClusterConcept {
  id: string;
  category: string;
  degree: number;
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** Room each concept needs, in model units (a dot and its label). */
export const CONCEPT_SPACING = 90;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Concepts grouped by category, biggest category first, most linked first within. */
function clusters(concepts: readonly ClusterConcept[]): ClusterConcept[][] {
  const groups = new Map<string, ClusterConcept[]>();
  for (const c of concepts) {
    const group = groups.get(c.category);
    if (group) group.push(c);
    else groups.set(c.category, [c]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.length - a.length || a[0]!.category.localeCompare(b[0]!.category),
  );
  for (const members of ordered) {
    members.sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  }
  return ordered;
}

/** Positions for `concepts`, a cluster per category, starting at `origin`. */
export function categoryClusters(
  concepts: readonly ClusterConcept[],
  origin: { x: number; y: number } = { x: 0, y: 0 },
): Placed[] {
  const ordered = clusters(concepts);
  const columns = Math.max(1, Math.ceil(Math.sqrt(ordered.length)));
  // A cell fits the biggest cluster (its spiral's radius), so no two overlap.
  const biggest = ordered[0]?.length ?? 1;
  const cell = CONCEPT_SPACING * (1.6 * Math.sqrt(biggest) + 1.5);
  const out: Placed[] = [];
  ordered.forEach((members, i) => {
    const cx = origin.x + (i % columns) * cell;
    const cy = origin.y + Math.floor(i / columns) * cell;
    members.forEach((member, j) => {
      const r = CONCEPT_SPACING * 0.8 * Math.sqrt(j + 0.5);
      out.push({
        id: member.id,
        x: cx + r * Math.cos(j * GOLDEN_ANGLE),
        y: cy + r * Math.sin(j * GOLDEN_ANGLE),
      });
    });
  });
  return out;
}
