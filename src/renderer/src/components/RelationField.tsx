import { TEXT_LIMITS, MENTIONS_RELATION } from '../../../shared/validation';
import { useUi } from '../app/context';
import { Combobox, type ComboOption } from './Combobox';

/** A relation: one already in use (most used first) or any new words. */
export function RelationField({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: string;
  onChange(value: string): void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const relations = useUi((s) => s.vocabulary?.relations);
  const wanted = value.trim().toLocaleLowerCase('en');
  const options: ComboOption[] = (relations ?? [])
    .filter((r) => r.key !== MENTIONS_RELATION)
    .filter((r) => wanted === '' || r.label.toLocaleLowerCase('en').includes(wanted))
    .filter((r) => r.label.toLocaleLowerCase('en') !== wanted)
    .slice(0, 30)
    .map((r) => ({
      key: r.key,
      value: r.label,
      text: r.label,
      content: (
        <>
          <span>{r.label}</span>
          <span className="combobox-count">{r.count}</span>
        </>
      ),
    }));
  return (
    <Combobox
      label="Relation"
      value={value}
      onChange={onChange}
      options={options}
      maxLength={TEXT_LIMITS.relation * 10}
      placeholder="e.g. runs on, stores data for"
      error={error}
      autoFocus={autoFocus}
    />
  );
}
