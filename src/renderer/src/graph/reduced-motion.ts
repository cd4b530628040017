/**
 * The system's "reduce motion" setting, read at each move so that a change applies at
 * once: the camera (viewport.ts), layouts and a local graph's rings (layout-motion.ts)
 * then jump instead of gliding.
 */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
