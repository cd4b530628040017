import { createElement, Fragment, type ReactNode } from 'react';
import type { Token } from '../../../shared/note-markdown';

/** How the links of a note are drawn; the rest is plain elements. */
export interface NoteRenderers {
  /** An ordinary link; `href` is as written and has not passed any allow-list yet. */
  link(key: number, href: string, title: string | null, children: ReactNode[]): ReactNode;
  wikilink(key: number, target: string, text: string): ReactNode;
}

// The panel's own headings come first: a note's # is a level-4 heading there.
const HEADINGS: Record<string, string> = {
  h1: 'h4',
  h2: 'h5',
  h3: 'h6',
  h4: 'h6',
  h5: 'h6',
  h6: 'h6',
};

// Every element a note can become. markdown-it names the tag of each token; anything
// not listed here is drawn as its children alone.
const BLOCK_TAGS = new Set([
  'p',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'em',
  'strong',
  's',
]);

interface Frame {
  token: Token | null;
  children: ReactNode[];
}

/**
 * React elements for the tokens of a note (`noteTokens`), never an HTML string: raw
 * HTML was already kept as text by the parser, links go through `renderers`, and images
 * are named, not loaded (a remote image is a tracking beacon, and Cairn works offline).
 */
export function noteElements(tokens: readonly Token[], renderers: NoteRenderers): ReactNode[] {
  let key = 0;
  const root: Frame = { token: null, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1]!;

  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.nesting === 1) {
        stack.push({ token, children: [] });
        continue;
      }
      if (token.nesting === -1) {
        const frame = stack.pop()!;
        top().children.push(close(frame, key++, renderers));
        continue;
      }
      const leaf = leafElement(token, key++, renderers, visit);
      if (leaf !== null) top().children.push(leaf);
    }
  };
  visit(tokens);
  // A document cut short (it never is by markdown-it) still shows what was opened.
  while (stack.length > 1) {
    const frame = stack.pop()!;
    top().children.push(close(frame, key++, renderers));
  }
  return root.children;
}

function close(frame: Frame, key: number, renderers: NoteRenderers): ReactNode {
  const token = frame.token!;
  const { children } = frame;
  if (token.type === 'link_open') {
    return renderers.link(key, attribute(token, 'href') ?? '', attribute(token, 'title'), children);
  }
  // Paragraphs in a tight list are not paragraphs of their own.
  if (token.type === 'paragraph_open' && token.hidden)
    return createElement(Fragment, { key }, ...children);
  const heading = HEADINGS[token.tag];
  if (heading) return createElement(heading, { key }, ...children);
  if (token.tag === 's') return createElement('del', { key }, ...children);
  if (!BLOCK_TAGS.has(token.tag)) return createElement(Fragment, { key }, ...children);
  const props: Record<string, unknown> = { key };
  if (token.tag === 'ol') {
    const start = Number(token.attrGet('start'));
    if (Number.isInteger(start) && start !== 1) props.start = start;
  }
  if (token.tag === 'th' || token.tag === 'td') {
    // markdown-it writes alignment as an inline style, which the CSP refuses: a class instead.
    const align = /text-align:(left|right|center)/.exec(attribute(token, 'style') ?? '')?.[1];
    if (align) props.className = `align-${align}`;
  }
  return createElement(token.tag, props, ...children);
}

function attribute(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function leafElement(
  token: Token,
  key: number,
  renderers: NoteRenderers,
  visit: (tokens: readonly Token[]) => void,
): ReactNode {
  switch (token.type) {
    case 'inline':
      visit(token.children ?? []);
      return null;
    case 'text':
    case 'html_inline':
    case 'html_block':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'code_inline':
      return createElement('code', { key }, token.content);
    case 'fence':
    case 'code_block':
      return createElement('pre', { key }, createElement('code', null, token.content));
    case 'hr':
      return createElement('hr', { key });
    case 'image':
      return createElement(
        'span',
        { key, className: 'md-image', title: 'Images in notes are not loaded' },
        `[image${token.content ? `: ${token.content}` : ''}]`,
      );
    case 'wikilink': {
      const meta = token.meta as { target: string };
      return renderers.wikilink(key, meta.target, token.content);
    }
    case 'tag':
      return createElement('span', { key, className: 'md-tag' }, token.markup);
    default:
      return token.content || null;
  }
}
