import { useEffect, useRef } from 'react';
import { useServices, useUi } from '../app/context';

/**
 * The element the GraphController draws into; React never touches what is inside. It
 * takes keyboard focus (Tab reaches it; after a search the keys are on it): the arrow
 * keys step along links, Enter opens details and Space selects (MapKeysFlow), and what
 * each step reached is said in the live region beside it.
 */
export function GraphView() {
  const { session } = useServices();
  const ref = useRef<HTMLDivElement>(null);
  const announcement = useUi((s) => s.announcement);
  useEffect(() => {
    if (!ref.current) return;
    return session.mountGraph(ref.current);
  }, [session]);
  return (
    <>
      <div
        ref={ref}
        className="graph-canvas"
        tabIndex={0}
        role="application"
        aria-label="Map"
        aria-describedby="map-keys-hint"
        onKeyDown={(event) => {
          if (event.target !== event.currentTarget) return;
          if (session.mapKeys.handle(event)) event.preventDefault();
        }}
      />
      <p id="map-keys-hint" className="sr-only">
        Arrow keys move to a linked concept in that direction. Enter opens its details, Space
        selects it.
      </p>
      <p className="sr-only" aria-live="polite" data-testid="map-announcement">
        {/* A no-break space on every other step, so the same words twice are heard twice. */}
        {announcement.text + (announcement.seq % 2 ? '\u00a0' : '')}
      </p>
    </>
  );
}
