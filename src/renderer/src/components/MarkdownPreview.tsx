import { createContext, memo, useContext, useMemo, type ReactNode } from 'react';
import { foldLabel } from '../../../shared/labels';
import { noteTokens } from '../../../shared/note-markdown';
import { useServices } from '../app/context';
import { useResolvedLabels, type ResolvedLabels } from '../app/use-resolved-labels';
import { ExternalLink } from './ExternalLink';
import { noteElements, type NoteRenderers } from '../markdown/note-elements';
import { safeHref } from '../markdown/safe-url';
import type { Token } from '../../../shared/note-markdown';

/**
 * Above this many characters the rest of a note is shown as plain text: formatting a
 * million characters of Markdown into elements would hold the window for seconds.
 */
const FORMATTED_NOTE_LENGTH = 100_000;

const RENDERERS: NoteRenderers = {
  link: (key, href, title, children) => (
    <NoteLink key={key} href={safeHref(href) ?? undefined} title={title ?? undefined}>
      {children}
    </NoteLink>
  ),
  wikilink: (key, target, text) => (
    <WikiLink key={key} target={target}>
      {text}
    </WikiLink>
  ),
};

/**
 * A note as Markdown, from the same parse main reads its [[wikilinks]] and #tags from,
 * safely: raw HTML is shown as text, links pass an allow-list (http, https, mailto) or
 * lose their href, and images are never loaded, only named.
 */
export const MarkdownPreview = memo(function MarkdownPreview({ body }: { body: string }) {
  const cut = body.length > FORMATTED_NOTE_LENGTH ? formattedEnd(body) : body.length;
  const tokens = useMemo(() => noteTokens(body.slice(0, cut)), [body, cut]);
  const elements = useMemo(() => noteElements(tokens, RENDERERS), [tokens]);
  const resolved = useResolvedLabels(useMemo(() => wikilinkTargetsOf(tokens), [tokens]));
  return (
    <div className="markdown">
      <Resolved.Provider value={resolved}>{elements}</Resolved.Provider>
      {cut < body.length && (
        <>
          <p className="md-rest-notice" role="note">
            This note is {body.length.toLocaleString('en')} characters long: the first{' '}
            {cut.toLocaleString('en')} are shown formatted, the rest as it is written.
          </p>
          <div className="md-rest">{body.slice(cut)}</div>
        </>
      )}
    </div>
  );
});

/** What the [[wikilinks]] of the preview name, for WikiLink. */
const Resolved = createContext<ResolvedLabels>(new Map());

function wikilinkTargetsOf(tokens: readonly Token[]): string[] {
  const targets: string[] = [];
  for (const block of tokens) {
    for (const token of block.children ?? []) {
      if (token.type === 'wikilink') targets.push((token.meta as { target: string }).target);
    }
  }
  return targets;
}

/** Where the formatted part of a long note ends: at a line break, so no line is split. */
function formattedEnd(body: string): number {
  const lineEnd = body.lastIndexOf('\n', FORMATTED_NOTE_LENGTH);
  return lineEnd > FORMATTED_NOTE_LENGTH / 2 ? lineEnd + 1 : FORMATTED_NOTE_LENGTH;
}

function NoteLink({
  href,
  title,
  children,
}: {
  href: string | undefined;
  title: string | undefined;
  children: ReactNode;
}) {
  if (!href) {
    return (
      <span
        className="md-inert-link"
        title="Link removed: Cairn opens only http, https and mailto links"
      >
        {children}
      </span>
    );
  }
  if (href.startsWith('mailto:')) {
    return (
      <a href={href} title={title}>
        {children}
      </a>
    );
  }
  return (
    <ExternalLink href={href} title={title}>
      {children}
    </ExternalLink>
  );
}

function WikiLink({ target, children }: { target: string; children: ReactNode }) {
  const { session } = useServices();
  const concept = useContext(Resolved).get(foldLabel(target));
  if (!concept) {
    return (
      <span className="wikilink is-missing" title={`No concept named “${target}” yet`}>
        {children}
      </span>
    );
  }
  return (
    <a
      href="#"
      className="wikilink"
      title={concept.label}
      onClick={(event) => {
        event.preventDefault();
        session.selection.navigateTo(concept.id);
      }}
    >
      {children}
    </a>
  );
}
