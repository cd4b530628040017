import { memo, useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useServices, useUi } from '../app/context';
import { remarkWikilinks } from '../markdown/remark-wikilinks';
import { noteUrlTransform, wikilinkTarget } from '../markdown/safe-url';
import { selectConceptsByLabel } from '../state/selectors';

/**
 * A note as GitHub-flavoured Markdown, safely: raw HTML is shown as text (no
 * rehype-raw), links pass an allow-list (http, https, mailto, [[wikilinks]]) or lose
 * their href, and images are never loaded (a remote image is a tracking beacon, and
 * Cairn works offline), only named.
 */
export const MarkdownPreview = memo(function MarkdownPreview({ body }: { body: string }) {
  const components = useMemo<Components>(
    () => ({
      a: ({ href, title, children }) => (
        <NoteLink href={href} title={title}>
          {children}
        </NoteLink>
      ),
      // The panel's own headings come first: a note's # is a level-4 heading there.
      h1: ({ children }) => <h4>{children}</h4>,
      h2: ({ children }) => <h5>{children}</h5>,
      h3: ({ children }) => <h6>{children}</h6>,
      h4: ({ children }) => <h6>{children}</h6>,
      h5: ({ children }) => <h6>{children}</h6>,
      img: ({ alt }) => (
        <span className="md-image" title="Images in notes are not loaded">
          [image{alt ? `: ${alt}` : ''}]
        </span>
      ),
    }),
    [],
  );
  return (
    <div className="markdown">
      <Markdown
        remarkPlugins={[remarkGfm, remarkWikilinks]}
        urlTransform={noteUrlTransform}
        components={components}
      >
        {body}
      </Markdown>
    </div>
  );
});

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
  const target = wikilinkTarget(href);
  if (target !== null) return <WikiLink target={target}>{children}</WikiLink>;
  if (href.startsWith('mailto:')) {
    return (
      <a href={href} title={title}>
        {children}
      </a>
    );
  }
  // In the desktop app the main process sends validated http(s) links to the system browser.
  return (
    <a href={href} title={title ?? href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function WikiLink({ target, children }: { target: string; children: ReactNode }) {
  const { session } = useServices();
  const concept = useUi((s) => selectConceptsByLabel(s).get(target.toLocaleLowerCase('en')));
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
        session.navigateTo(concept.id);
      }}
    >
      {children}
    </a>
  );
}
