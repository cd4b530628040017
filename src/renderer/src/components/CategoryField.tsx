import type { Category } from '../../../shared/domain';
import { useUi } from '../app/context';
import { Combobox, type ComboOption } from './Combobox';
import { Swatch } from './Swatch';

const EMPTY: Category[] = [];

/** The categories to offer: the vocabulary's, or the summary's until it has loaded. */
function useCategories(): Category[] {
  const fromVocabulary = useUi((s) => s.vocabulary?.categories);
  const fromSummary = useUi((s) => s.summary?.categories);
  return fromVocabulary ?? fromSummary ?? EMPTY;
}

function findCategory(categories: Category[], text: string): Category | undefined {
  const wanted = text.trim().toLocaleLowerCase('en');
  return categories.find(
    (c) => c.label.toLocaleLowerCase('en') === wanted || c.id.toLocaleLowerCase('en') === wanted,
  );
}

/** Pick an existing category (with its colour) or type the name of a new one. */
export function CategoryField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(value: string): void;
  error?: string | null;
}) {
  const categories = useCategories();
  const typed = value.trim();
  const wanted = typed.toLocaleLowerCase('en');
  const existing = findCategory(categories, typed);
  const matching = categories
    .filter((c) => wanted === '' || c.label.toLocaleLowerCase('en').includes(wanted))
    .slice(0, 40);
  const options: ComboOption[] = matching.map((c) => ({
    key: c.id,
    value: c.label,
    text: c.label,
    content: (
      <>
        <Swatch color={c.color} />
        <span>{c.label}</span>
      </>
    ),
  }));
  if (typed && !existing) {
    options.push({
      key: `new:${typed}`,
      value: typed,
      text: `New category “${typed}”`,
      content: (
        <>
          <span className="swatch swatch-new" aria-hidden="true" />
          <span>
            New category <strong>“{typed}”</strong>
          </span>
        </>
      ),
    });
  }
  return (
    <>
      <Combobox
        label="Category"
        value={value}
        onChange={onChange}
        options={options}
        maxLength={200}
        placeholder="Choose or type a new one"
        error={error}
        hideEcho
      />
      {typed && !existing && !error && (
        <p className="field-hint">New category “{typed}” will be created.</p>
      )}
      {existing && !error && (
        <p className="field-hint">
          <Swatch color={existing.color} /> {existing.label}
        </p>
      )}
    </>
  );
}

/** Which field a refusal from the server is about, from the words of its sentence. */
export function fieldOf(message: string): 'label' | 'category' | 'description' {
  if (/categor/i.test(message)) return 'category';
  if (/description/i.test(message)) return 'description';
  return 'label';
}
