// Paths between two concepts: the bounds of a search, and a path in words. Shared by
// the contract's schema, the service, the CLI and the app's path list.
import type { PathHop } from './domain';

export const PATH_LIMITS = {
  /** How many paths a search may ask for, and how many it asks for by default. */
  maxK: 10,
  defaultK: 3,
  /** The longest path (in links) a search may ask for, and its default. */
  maxHops: 12,
  defaultMaxHops: 6,
  /** Relations named in `relations` or `avoid`. */
  maxRelations: 100,
} as const;

/**
 * A path as one line: `Pod —runs on→ Worker node ←part of— Kubernetes cluster`. The
 * arrow shows each link's own direction, whichever way the path walks it.
 */
export function pathSentence(hops: readonly PathHop[]): string {
  if (hops.length === 0) return '';
  const parts = [hops[0]!.from.label];
  for (const hop of hops) {
    parts.push(
      hop.direction === 'forward' ? `—${hop.relation}→` : `←${hop.relation}—`,
      hop.to.label,
    );
  }
  return parts.join(' ');
}
