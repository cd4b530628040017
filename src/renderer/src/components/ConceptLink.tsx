import type { ConceptSummary } from '../../../shared/domain';
import { useServices, useUi } from '../app/context';
import { selectCategories } from '../state/selectors';
import { Swatch } from './Swatch';

/** A linked concept: a real link whose accessible name is the concept's label. */
export function ConceptLink({ concept }: { concept: ConceptSummary }) {
  const { session } = useServices();
  const colour = useUi((s) => selectCategories(s).get(concept.category)?.color);
  return (
    <a
      href="#"
      className="concept-link"
      onClick={(event) => {
        event.preventDefault();
        session.selection.navigateTo(concept.id);
      }}
    >
      <Swatch color={colour} />
      <span>{concept.label}</span>
    </a>
  );
}
