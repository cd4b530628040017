import type { Concept } from '../../../shared/domain';

/**
 * The values an import brought that Cairn has no field for (a Gephi `degree`, a CSV
 * column, front matter): shown as they are, and written back by every export.
 */
export function AttributesSection({ concept }: { concept: Concept }) {
  if (concept.attributes.length === 0) return null;
  return (
    <section className="details-section" aria-labelledby="details-attributes">
      <h3 id="details-attributes">
        Attributes <span className="count">{concept.attributes.length}</span>
      </h3>
      <dl className="attribute-list">
        {concept.attributes.map((a) => (
          <div key={a.name} className="attribute-row">
            <dt>{a.name}</dt>
            <dd title={a.type}>{a.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
