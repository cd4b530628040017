import type { ChangesBetween, Timeline } from '../../../shared/time-travel';
import { useServices, useUi } from '../app/context';
import { ConceptLink } from './ConceptLink';
import { CloseIcon } from './icons';

const when = (iso: string) =>
  new Date(iso).toLocaleString([], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The moment at `index` of the timeline, in words. */
function momentOf(timeline: Timeline, index: number): string {
  const { entries } = timeline;
  if (index >= entries.length) return `Now · ${entries.length.toLocaleString('en')} changes`;
  if (index === 0) return `Before the first change (${when(entries[0]!.at)})`;
  const entry = entries[index - 1]!;
  return `${when(entry.at)} · after “${entry.summary}”`;
}

function ChangesList({ changes }: { changes: ChangesBetween }) {
  const { session } = useServices();
  const edits = changes.edited;
  return (
    <section className="timeline-changes" aria-label="What changed">
      <div className="timeline-row">
        <h3>
          Since {when(changes.from)}: {changes.added.length} added, {edits.length} edited,{' '}
          {changes.deleted.length} deleted; {changes.linksAdded} links added, {changes.linksRemoved}{' '}
          removed
        </h3>
        <button
          type="button"
          className="button small"
          onClick={() => session.timeTravel.hideChanges()}
        >
          Hide changes
        </button>
      </div>
      <div className="timeline-lists">
        {changes.added.length > 0 && (
          <div>
            <h4 id="changes-added">Added</h4>
            <ul className="plain-list" aria-labelledby="changes-added">
              {changes.added.map((c) => (
                <li key={c.id}>
                  <ConceptLink concept={c} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {edits.length > 0 && (
          <div>
            <h4 id="changes-edited">Edited</h4>
            <ul className="plain-list" aria-labelledby="changes-edited">
              {edits.map((c) => (
                <li key={c.concept.id}>
                  <ConceptLink concept={c.concept} />{' '}
                  <span className="muted">
                    {c.before !== undefined ? `was “${c.before}”; ` : ''}
                    {c.what.join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {changes.deleted.length > 0 && (
          <div>
            <h4 id="changes-deleted">Deleted</h4>
            <ul className="plain-list" aria-labelledby="changes-deleted">
              {changes.deleted.map((c) => (
                <li key={c.id}>{c.label}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * Under the map while the timeline is open: drag it (or step with the buttons and the
 * slider's arrow keys) and the map, search and the details show the graph as it was.
 */
export function TimelineBar() {
  const { session } = useServices();
  const ui = useUi((s) => s.timeTravel);
  if (!ui) return null;
  const { timeline, index, state, busy, changes } = ui;
  const count = timeline?.entries.length ?? 0;
  const moment = timeline ? momentOf(timeline, index) : 'Loading the history…';
  const ghosts = state?.ghosts.length ?? 0;
  return (
    <section className="timeline-bar" aria-label="Timeline" aria-busy={busy}>
      <div className="timeline-row">
        <h2 className="timeline-title">Timeline</h2>
        <output className="timeline-moment" aria-live="polite">
          {moment}
        </output>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the timeline"
          title="Close the timeline (back to now)"
          onClick={() => void session.timeTravel.close()}
        >
          <CloseIcon />
        </button>
      </div>
      {timeline && count === 0 ? (
        <p className="muted">
          No change is recorded yet: what you create, edit or delete from now on can be seen here as
          it was.
        </p>
      ) : (
        timeline && (
          <>
            <div className="timeline-row">
              <button
                type="button"
                className="button small"
                disabled={index === 0}
                onClick={() => session.timeTravel.step(-1)}
              >
                Earlier
              </button>
              <input
                type="range"
                className="timeline-slider"
                min={0}
                max={count}
                step={1}
                value={index}
                aria-label="Moment"
                aria-valuetext={moment}
                onChange={(event) => session.timeTravel.moveTo(Number(event.target.value))}
              />
              <button
                type="button"
                className="button small"
                disabled={index === count}
                onClick={() => session.timeTravel.step(1)}
              >
                Later
              </button>
              <button
                type="button"
                className="button small"
                disabled={index === count}
                onClick={() => void session.timeTravel.showChanges()}
              >
                What changed since
              </button>
            </div>
            {ghosts > 0 && (
              <p className="muted timeline-note">
                {ghosts} {ghosts === 1 ? 'concept' : 'concepts'} deleted since{' '}
                {ghosts === 1 ? 'is' : 'are'} shown faded. Nothing can be changed until the timeline
                is back at now.
              </p>
            )}
            {state?.caveats.map((caveat) => (
              <p key={caveat} role="note" className="timeline-caveat">
                {caveat}
              </p>
            ))}
            {timeline.undone > 0 && index === count && (
              <p className="muted timeline-note">
                {timeline.undone} undone {timeline.undone === 1 ? 'change is' : 'changes are'} not
                on the timeline.
              </p>
            )}
          </>
        )
      )}
      {changes && <ChangesList changes={changes} />}
    </section>
  );
}
