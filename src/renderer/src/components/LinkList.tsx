import type { LinkedConcept } from '../../../shared/domain';
import { ConceptLink } from './ConceptLink';

interface Props {
  title: string;
  direction: 'outgoing' | 'incoming';
  links: LinkedConcept[];
}

/** Links grouped by relation, read as "this → relation → other" or "other → relation → this". */
export function LinkList({ title, direction, links }: Props) {
  const headingId = `details-${direction}`;
  const groups = new Map<string, LinkedConcept[]>();
  for (const linked of links) {
    const group = groups.get(linked.link.relation);
    if (group) group.push(linked);
    else groups.set(linked.link.relation, [linked]);
  }
  return (
    <section className="details-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className="count">{links.length}</span>
      </h3>
      {links.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        [...groups].map(([relation, members]) => (
          <div key={relation} className="link-group">
            <div className="relation">
              {direction === 'outgoing' ? (
                <>
                  {relation} <span aria-hidden="true">→</span>
                </>
              ) : (
                <>
                  <span aria-hidden="true">←</span> {relation}
                </>
              )}
            </div>
            <ul>
              {members.map(({ link, other }) => (
                <li key={link.id}>
                  <ConceptLink concept={other} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
