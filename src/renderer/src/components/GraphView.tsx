import { useEffect, useRef } from 'react';
import { useServices } from '../app/context';

/** The element the GraphController draws into; React never touches what is inside. */
export function GraphView() {
  const { session } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    return session.mountGraph(ref.current);
  }, [session]);
  // Focusable, so that after a search the keyboard is on the map and E, L and F work.
  return <div ref={ref} className="graph-canvas" tabIndex={-1} aria-label="Map" />;
}
