import { ORIGIN_LABELS, type ConceptDetails } from '../../../shared/domain';
import { useUi } from '../app/context';
import { ActionButton } from './ActionButton';
import {
  selectCategories,
  selectDrawn,
  selectHiddenNeighbours,
  selectIsExpanded,
} from '../state/selectors';
import { AddLinkForm } from './AddLinkForm';
import { ConceptLink } from './ConceptLink';
import { EditConceptForm } from './EditConceptForm';
import {
  CollapseIcon,
  EditIcon,
  ExpandIcon,
  LinkIcon,
  LocalGraphIcon,
  PathIcon,
  PinIcon,
  RestoreIcon,
  TrashIcon,
} from './icons';
import { LinkList } from './LinkList';
import { LinkSuggestions } from './LinkSuggestions';
import { NoteSection } from './NoteSection';
import { Swatch } from './Swatch';
import { TagsField } from './TagsField';
import { AttributesSection } from './AttributesSection';

/** Exploring from this concept: its local graph, and Expand or Collapse in one. */
function ExploreTools() {
  const local = useUi((s) => s.mode.kind === 'local');
  const hidden = useUi(selectHiddenNeighbours);
  const expanded = useUi(selectIsExpanded);
  return (
    <div className="details-tools" role="toolbar" aria-label="Explore">
      {!local && <ActionButton id="local-graph" icon={<LocalGraphIcon />} text="Local graph" />}
      <ActionButton id="expand-concept" icon={<ExpandIcon />} text="Expand" count={hidden} />
      {expanded && <ActionButton id="collapse-concept" icon={<CollapseIcon />} text="Collapse" />}
      {!local && <ActionButton id="pin-concept" icon={<PinIcon />} text="Pin" />}
      <ActionButton id="find-path" icon={<PathIcon />} text="Find path to…" />
    </div>
  );
}

export function DetailsPanel() {
  const selectedId = useUi((s) => s.selectedId);
  const details = useUi((s) => s.details);
  const drawnConcept = useUi((s) => (s.selectedId ? selectDrawn(s).get(s.selectedId) : undefined));
  const loaded = details?.id === selectedId ? details?.data?.concept : undefined;
  // What to show at once: the drawn concept, or (one not drawn) its details once they come.
  const summary = drawnConcept ?? loaded;
  const categories = useUi(selectCategories);
  const editing = useUi((s) => s.editing);
  const addingLink = useUi((s) => s.addingLink);
  const noteVersion = useUi((s) => s.note.version);
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const timelineOpen = useUi((s) => s.timeTravel !== null);
  const pastShown = useUi((s) => (s.timeTravel?.state ?? null) !== null);

  if (!selectedId) {
    return (
      <aside aria-label="Details" className="details">
        <div className="details-empty">
          <p className="details-empty-title">No concept selected</p>
          <p className="muted">
            Click a concept in the graph, or press <kbd>/</kbd> to search. Its description, links
            and where it comes from show here.
          </p>
          {timelineOpen ? (
            <p className="muted">
              {pastShown
                ? 'The timeline shows the graph as it was: explore and export it, or close the timeline to change it again.'
                : 'The timeline is open: close it to change the graph again.'}
            </p>
          ) : readOnly ? (
            <p className="muted">
              This graph is open read-only: you can explore and export it, not change it.
            </p>
          ) : (
            <p className="muted">
              Press <kbd>N</kbd> or double-click the canvas to add a concept of your own.
            </p>
          )}
        </div>
      </aside>
    );
  }

  const data = details?.id === selectedId ? details.data : null;
  const error = details?.id === selectedId ? details.error : null;
  const concept = data?.concept;
  const category = summary ? categories.get(summary.category) : undefined;

  return (
    <aside aria-label="Details" className="details">
      {concept && editing ? (
        <EditConceptForm key={concept.id} concept={concept} />
      ) : (
        <header className="details-header">
          <div className="details-category">
            <Swatch color={category?.color} />
            <span>{category?.label ?? summary?.category}</span>
          </div>
          <h2>{summary?.label ?? '…'}</h2>
          {concept && data && <HeaderTools data={data} />}
        </header>
      )}
      {error && <p className="details-error">{error}</p>}
      {!data && !error && (
        <div className="details-loading" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      )}
      {concept && data && (
        <>
          {!editing &&
            (concept.description ? (
              <p className="description">{concept.description}</p>
            ) : (
              <p className="description muted">No description yet.</p>
            ))}
          <TagsField concept={concept} />
          <AttributesSection concept={concept} />
          <NoteSection key={`${concept.id}:${noteVersion}`} concept={concept} />
          <LinkSuggestions key={concept.id} concept={concept} />
          {addingLink && <AddLinkForm key={concept.id} id={concept.id} label={concept.label} />}
          <LinkList title="Outgoing links" direction="outgoing" links={data.outgoing} />
          <LinkList title="Incoming links" direction="incoming" links={data.incoming} />
          {data.mentions.length > 0 && (
            <section className="details-section" aria-labelledby="details-mentions">
              <h3 id="details-mentions">
                Mentions <span className="count">{data.mentions.length}</span>
              </h3>
              <ul className="plain-list">
                {data.mentions.map((c) => (
                  <li key={c.id}>
                    <ConceptLink concept={c} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="details-section" aria-labelledby="details-backlinks">
            <h3 id="details-backlinks">
              Backlinks <span className="count">{data.backlinks.length}</span>
            </h3>
            {data.backlinks.length === 0 ? (
              <p className="muted">No note mentions it yet.</p>
            ) : (
              <ul className="plain-list backlinks">
                {data.backlinks.map((b) => (
                  <li key={b.concept.id}>
                    <ConceptLink concept={b.concept} />
                    <p className="excerpt">{b.excerpt}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="details-section" aria-labelledby="details-provenance">
            <h3 id="details-provenance">Where it comes from</h3>
            <dl className="provenance">
              <dt>Source</dt>
              <dd>{concept.provenance ?? (concept.origin === 'user' ? 'You' : 'Not recorded')}</dd>
              <dt>Origin</dt>
              <dd>{ORIGIN_LABELS[concept.origin]}</dd>
              <dt>Changed</dt>
              <dd>
                <time
                  dateTime={concept.updatedAt}
                  title={new Date(concept.updatedAt).toLocaleString()}
                >
                  {new Date(concept.updatedAt).toLocaleDateString()}
                </time>
              </dd>
            </dl>
          </section>
        </>
      )}
    </aside>
  );
}

function HeaderTools({ data }: { data: ConceptDetails }) {
  const { concept } = data;
  return (
    <>
      <div className="badges">
        <span className={`badge origin-${concept.origin}`}>{ORIGIN_LABELS[concept.origin]}</span>
        {concept.seedState === 'edited' && (
          <span className="badge edited" title="You changed this concept of the default graph">
            Edited
          </span>
        )}
      </div>
      <div className="details-tools" role="toolbar" aria-label="Concept">
        <ActionButton id="edit-concept" icon={<EditIcon />} text="Edit" />
        <ActionButton id="add-link" icon={<LinkIcon />} text="Link" />
        {concept.seedState === 'edited' && (
          <ActionButton id="restore-original" icon={<RestoreIcon />} text="Restore" />
        )}
        <ActionButton
          id="delete-concept"
          icon={<TrashIcon />}
          className="button small danger-quiet"
        />
      </div>
      <ExploreTools />
    </>
  );
}
