import { LIMITS } from '../../../shared/limits';
import { useUi } from '../app/context';
import { useConceptSearch } from '../app/use-concept-search';
import { selectCategories } from '../state/selectors';
import { Combobox } from './Combobox';
import { Swatch } from './Swatch';

/** Finds a concept as you type (the same search as the search box) and picks one. */
export function ConceptPicker({
  label,
  value,
  onChange,
  onPick,
  exclude,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  onPick(id: string): void;
  exclude?: string;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const categories = useUi(selectCategories);
  const hits = useConceptSearch(value);

  const options = hits
    .filter((h) => h.id !== exclude)
    .map((h) => ({
      key: h.id,
      value: h.label,
      text: h.label,
      content: (
        <>
          <Swatch color={categories.get(h.category)?.color} />
          <span>{h.label}</span>
          <span className="combobox-count">{categories.get(h.category)?.label}</span>
        </>
      ),
    }));

  return (
    <Combobox
      label={label}
      value={value}
      onChange={onChange}
      options={value.trim() ? options : []}
      onPick={(option) => onPick(option.key)}
      maxLength={LIMITS.queryLength}
      placeholder="Type to find a concept"
      error={error}
      autoFocus={autoFocus}
      emptyText="No concept matches"
    />
  );
}
