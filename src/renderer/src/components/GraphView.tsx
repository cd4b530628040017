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
  return <div ref={ref} className="graph-canvas" />;
}
