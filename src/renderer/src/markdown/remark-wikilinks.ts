import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { parseWikilinks } from '../../../shared/note-references';
import { wikilinkHref } from './safe-url';

/**
 * A remark plugin: `[[Target]]` and `[[Target|text]]` in text become links to the
 * in-app wikilink scheme. Code is a different node type, so code stays literal, as
 * the note sync in main reads it (both use `parseWikilinks`).
 */
export function remarkWikilinks() {
  return (tree: Root) => {
    visit(tree);
  };
}

function visit(node: Nodes): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const children: Nodes[] = [];
  let changed = false;
  const source = node.children as Nodes[];
  const merged = textified(source);
  if (merged !== source) changed = true;
  for (const child of merged) {
    if (child.type === 'text' && child.value.includes('[[')) {
      const parts = split(child);
      if (parts.length !== 1 || parts[0] !== child) changed = true;
      children.push(...parts);
    } else {
      visit(child);
      children.push(child);
    }
  }
  if (changed) (node as { children: Nodes[] }).children = children;
}

/**
 * Raw HTML is shown as text anyway (react-markdown without rehype-raw), so it is made
 * text here, and joined with its neighbours: `[[<b>Name</b>]]` is then one wikilink.
 */
function textified(nodes: Nodes[]): Nodes[] {
  if (!nodes.some((n) => n.type === 'html')) return nodes;
  const out: Nodes[] = [];
  for (const node of nodes) {
    const value = node.type === 'html' ? node.value : node.type === 'text' ? node.value : null;
    const last = out[out.length - 1];
    if (value !== null && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + value };
    } else if (value !== null) {
      out.push({ type: 'text', value });
    } else {
      out.push(node);
    }
  }
  return out;
}

function split(text: Text): PhrasingContent[] {
  const links = parseWikilinks(text.value);
  if (links.length === 0) return [text];
  const parts: PhrasingContent[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start > at) parts.push({ type: 'text', value: text.value.slice(at, link.start) });
    const node: Link = {
      type: 'link',
      url: wikilinkHref(link.target),
      title: null,
      children: [{ type: 'text', value: link.text }],
    };
    parts.push(node);
    at = link.end;
  }
  if (at < text.value.length) parts.push({ type: 'text', value: text.value.slice(at) });
  return parts;
}
