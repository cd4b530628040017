import { useEffect, useState } from 'react';
import type { Concept } from '../../../shared/domain';
import type {
  LinkSuggestions as Suggestions,
  MentionSuggestion,
  TypedLinkSuggestion,
} from '../../../shared/suggestions';
import { errorMessage } from '../app/session';
import { useServices, useUi } from '../app/context';
import { ConceptLink } from './ConceptLink';

/** The sentence with `words` marked where they first appear in it. */
function Sentence({ text, words }: { text: string; words: string }) {
  const wanted = words.replace(/\s+/g, ' ');
  const at = text.indexOf(wanted);
  if (at < 0) return <q className="suggestion-sentence">{text}</q>;
  return (
    <q className="suggestion-sentence">
      {text.slice(0, at)}
      <mark>{wanted}</mark>
      {text.slice(at + wanted.length)}
    </q>
  );
}

function MentionItem({ noteOf, mention }: { noteOf: string; mention: MentionSuggestion }) {
  const { session } = useServices();
  // Typed text on its way would be saved over the [[link]]: Link it waits for it.
  const typing = useUi(
    (s) => s.note.id === noteOf && (s.note.status === 'pending' || s.note.status === 'saving'),
  );
  const count = mention.at.length;
  return (
    <li className="suggestion" aria-label={`Mention of ${mention.concept.label}`}>
      <div className="suggestion-head">
        <ConceptLink concept={mention.concept} />
        {count > 1 && <span className="muted">{count} mentions</span>}
      </div>
      <Sentence text={mention.sentence} words={mention.text} />
      <div className="suggestion-actions">
        <button
          type="button"
          className="button small"
          disabled={typing}
          onClick={() => void session.suggestions.linkMention(noteOf, mention)}
        >
          Link it
        </button>
        {count > 1 && (
          <button
            type="button"
            className="button small"
            disabled={typing}
            onClick={() => void session.suggestions.linkMention(noteOf, mention, true)}
          >
            Link all {count}
          </button>
        )}
        <button
          type="button"
          className="button small"
          onClick={() => void session.suggestions.dismiss({ kind: 'mention', noteOf, mention })}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

function TypedLinkItem({ link }: { link: TypedLinkSuggestion }) {
  const { session } = useServices();
  const name = `${link.source.label} ${link.relation} ${link.target.label}`;
  return (
    <li className="suggestion" aria-label={`Link: ${name}`}>
      <div className="suggestion-head">
        <ConceptLink concept={link.source} />
        <span className="relation">{link.relation}</span>
        <ConceptLink concept={link.target} />
      </div>
      <q className="suggestion-sentence">{link.sentence}</q>
      <div className="suggestion-actions">
        <button
          type="button"
          className="button small"
          onClick={() => void session.suggestions.addLink(link)}
        >
          Add link
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => void session.suggestions.dismiss({ kind: 'link', link })}
        >
          Dismiss
        </button>
      </div>
    </li>
  );
}

/**
 * Suggested links of a concept's note: the concepts it names without a [[wikilink]]
 * (Obsidian's unlinked mentions) and the typed links its sentences state. Asked again
 * whenever the saved note, the history or the details change.
 */
export function LinkSuggestions({ concept }: { concept: Concept }) {
  const { session } = useServices();
  const readOnly = useUi((s) => s.appInfo?.readOnly ?? false);
  const noteVersion = useUi((s) => s.note.version);
  const details = useUi((s) => s.details?.data);
  const [answer, setAnswer] = useState<{ data: Suggestions | null; error: string | null }>({
    data: null,
    error: null,
  });

  useEffect(() => {
    if (readOnly) return;
    let current = true;
    session.suggestions.load(concept.id).then(
      (data) => current && setAnswer({ data, error: null }),
      (error: unknown) => current && setAnswer({ data: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [session, concept.id, concept.note, noteVersion, details, readOnly]);

  const data = answer.data;
  if (readOnly) return null;
  if (answer.error) {
    return <p className="muted suggestion-error">Suggested links: {answer.error}</p>;
  }
  if (!data || (data.mentions.length === 0 && data.links.length === 0)) return null;
  const total = data.mentions.length + data.links.length + data.more;
  return (
    <section className="details-section suggestions" aria-labelledby="details-suggestions">
      <h3 id="details-suggestions">
        Suggested links <span className="count">{total}</span>
      </h3>
      {data.links.length > 0 && (
        <>
          <h4 id="suggested-typed-links">Links the note states</h4>
          <ul className="plain-list suggestion-list" aria-labelledby="suggested-typed-links">
            {data.links.map((link) => (
              <TypedLinkItem
                key={`${link.source.id}\u0000${link.relation}\u0000${link.target.id}`}
                link={link}
              />
            ))}
          </ul>
        </>
      )}
      {data.mentions.length > 0 && (
        <>
          <h4 id="suggested-mentions">Unlinked mentions</h4>
          <ul className="plain-list suggestion-list" aria-labelledby="suggested-mentions">
            {data.mentions.map((mention) => (
              <MentionItem key={mention.concept.id} noteOf={concept.id} mention={mention} />
            ))}
          </ul>
        </>
      )}
      {data.more > 0 && (
        <p className="muted">And {data.more.toLocaleString('en')} more not listed.</p>
      )}
    </section>
  );
}
