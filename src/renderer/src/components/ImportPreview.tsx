import { useId } from 'react';
import {
  IMPORT_CONFLICT_KINDS,
  type ImportConflict,
  type ImportConflictKind,
  type ImportReport,
  type ImportResolutions,
} from '../../../shared/domain';

const SHOWN_WARNINGS = 8;

const KIND_LABELS: Record<ImportConflictKind, { one: string; many: string }> = {
  description: { one: 'a different description', many: 'different descriptions' },
  category: { one: 'a different category', many: 'different categories' },
  note: { one: 'a different note', many: 'different notes' },
  attributes: { one: 'different attribute values', many: 'different attribute values' },
};

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The choice of each kind of conflict, and the ones taken one by one. */
export function emptyResolutions(): ImportResolutions {
  return { choices: [], theirs: [] };
}

function takeOf(resolutions: ImportResolutions, kind: ImportConflictKind) {
  return resolutions.choices.find((c) => c.kind === kind)?.take ?? 'mine';
}

function withTake(
  resolutions: ImportResolutions,
  kind: ImportConflictKind,
  take: 'mine' | 'theirs' | 'each',
): ImportResolutions {
  return {
    choices: [...resolutions.choices.filter((c) => c.kind !== kind), { kind, take }],
    theirs: resolutions.theirs,
  };
}

function withOne(
  resolutions: ImportResolutions,
  conflict: ImportConflict,
  theirs: boolean,
): ImportResolutions {
  const rest = resolutions.theirs.filter(
    (t) => !(t.kind === conflict.kind && t.key === conflict.key),
  );
  return {
    choices: resolutions.choices,
    theirs: theirs ? [...rest, { kind: conflict.kind, key: conflict.key }] : rest,
  };
}

/**
 * What an import would do, before anything is written: what it adds (the concepts by
 * name, the links by relation, all with counts), what it could not keep, and the
 * concepts already in the graph that the file holds differently, with a choice for each
 * kind: keep mine, take theirs, or decide one by one.
 */
export function ImportPreview({
  report,
  resolutions,
  onResolutions,
}: {
  report: ImportReport;
  resolutions: ImportResolutions;
  onResolutions: (next: ImportResolutions) => void;
}) {
  const { concepts, links } = report;
  const nothing =
    concepts.added === 0 &&
    links.added === 0 &&
    links.mentions === 0 &&
    report.categoriesAdded.length === 0 &&
    report.conflicts.counts.length === 0;
  const typed = report.adding.relations.filter((r) => r.kind === 'typed');
  return (
    <section className="import-preview" aria-label="Preview">
      <p className="dialog-lead">
        <strong>{report.file}</strong> <span className="muted">({report.format})</span>
      </p>
      <ul className="import-counts">
        <li>
          <strong>{concepts.added.toLocaleString('en')}</strong>{' '}
          {concepts.added === 1 ? 'concept' : 'concepts'} to add
          <span className="muted"> · {concepts.matched.toLocaleString('en')} already there</span>
        </li>
        <li>
          <strong>{links.added.toLocaleString('en')}</strong> {links.added === 1 ? 'link' : 'links'}{' '}
          to add
          <span className="muted">
            {' '}
            · {links.alreadyPresent.toLocaleString('en')} already there
            {links.merged > 0 && ` · ${links.merged.toLocaleString('en')} repeats merged`}
            {links.skipped > 0 && ` · ${links.skipped.toLocaleString('en')} not kept`}
          </span>
        </li>
        <li>
          <strong>{links.mentions.toLocaleString('en')}</strong>{' '}
          {links.mentions === 1 ? 'mention link' : 'mention links'} from the notes’ [[wikilinks]]
        </li>
        <li>
          <strong>{report.categoriesAdded.length.toLocaleString('en')}</strong> new{' '}
          {report.categoriesAdded.length === 1 ? 'category' : 'categories'}
          {report.categoriesAdded.length > 0 && (
            <span className="muted">
              : {report.categoriesAdded.slice(0, 6).join(', ')}
              {report.categoriesAdded.length > 6 &&
                ` and ${report.categoriesAdded.length - 6} more`}
            </span>
          )}
        </li>
      </ul>

      {(concepts.added > 0 || typed.length > 0) && (
        <div className="import-adding">
          {concepts.added > 0 && (
            <div className="import-notes">
              <h3>Concepts to add ({concepts.added.toLocaleString('en')})</h3>
              <ul className="import-list" aria-label="Concepts to add" tabIndex={0}>
                {report.adding.concepts.map((c, i) => (
                  <li key={i}>
                    {c.label} <span className="muted">· {c.category}</span>
                  </li>
                ))}
                {concepts.added > report.adding.concepts.length && (
                  <li className="muted">
                    and {(concepts.added - report.adding.concepts.length).toLocaleString('en')} more
                  </li>
                )}
              </ul>
            </div>
          )}
          {typed.length > 0 && (
            <div className="import-notes">
              <h3>Links to add, by relation</h3>
              <ul className="import-list" aria-label="Links to add by relation" tabIndex={0}>
                {typed.map((r) => (
                  <li key={r.relation}>
                    {r.relation} <span className="muted">· {r.count.toLocaleString('en')}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {report.conflicts.counts.length > 0 && (
        <div className="import-conflicts">
          <h3>Already in the graph, held differently in the file</h3>
          {IMPORT_CONFLICT_KINDS.map((kind) => {
            const total = report.conflicts.counts.find((c) => c.kind === kind)?.count ?? 0;
            if (total === 0) return null;
            return (
              <ConflictGroup
                key={kind}
                kind={kind}
                total={total}
                items={report.conflicts.items.filter((c) => c.kind === kind)}
                resolutions={resolutions}
                onResolutions={onResolutions}
              />
            );
          })}
        </div>
      )}

      {report.duplicateCount > 0 && report.conflicts.counts.length === 0 && (
        <p className="muted import-undo">
          {count(report.duplicateCount, 'concept is', 'concepts are')} already in the graph, the
          same in the file: they stay as they are.
        </p>
      )}
      {report.warnings.length > 0 && (
        <div className="import-notes is-warning">
          <h3>{count(report.warnings.length, 'note', 'notes')}</h3>
          <ul>
            {report.warnings.slice(0, SHOWN_WARNINGS).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
            {report.warnings.length > SHOWN_WARNINGS && (
              <li className="muted">and {report.warnings.length - SHOWN_WARNINGS} more</li>
            )}
          </ul>
        </div>
      )}
      <p className="muted import-undo">
        {nothing
          ? 'Everything in it is already in the graph.'
          : 'Nothing is written until you choose Import, and Undo takes it back in one step.'}
      </p>
    </section>
  );
}

function ConflictGroup({
  kind,
  total,
  items,
  resolutions,
  onResolutions,
}: {
  kind: ImportConflictKind;
  total: number;
  items: ImportConflict[];
  resolutions: ImportResolutions;
  onResolutions: (next: ImportResolutions) => void;
}) {
  const name = useId();
  const take = takeOf(resolutions, kind);
  const label = KIND_LABELS[kind];
  const chosen = (c: ImportConflict) =>
    resolutions.theirs.some((t) => t.kind === c.kind && t.key === c.key);
  return (
    <fieldset className="import-conflict" data-conflict-kind={kind}>
      <legend>{count(total, `concept with ${label.one}`, `concepts with ${label.many}`)}</legend>
      <div className="import-choice" role="radiogroup" aria-label={`For ${label.many}`}>
        {(
          [
            ['mine', 'Keep mine'],
            ['theirs', 'Take theirs'],
            ['each', 'One by one'],
          ] as const
        ).map(([value, text]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={value}
              checked={take === value}
              onChange={() => onResolutions(withTake(resolutions, kind, value))}
            />
            {text}
          </label>
        ))}
      </div>
      {take === 'each' && (
        <ul className="import-list import-each" aria-label={`Each concept with ${label.many}`}>
          {items.map((c) => (
            <li key={c.key}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen(c)}
                  onChange={(e) => onResolutions(withOne(resolutions, c, e.target.checked))}
                />
                <span>
                  <strong>{c.label}</strong>: take “{c.theirs}”
                  <span className="muted"> instead of “{c.mine || '(empty)'}”</span>
                </span>
              </label>
            </li>
          ))}
          {total > items.length && (
            <li className="muted">
              The other {(total - items.length).toLocaleString('en')} keep what the graph holds.
            </li>
          )}
        </ul>
      )}
    </fieldset>
  );
}
