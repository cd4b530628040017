import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { noteTokens } from '../../../shared/note-markdown';
import { noteElements, type NoteRenderers } from './note-elements';

const renderers: NoteRenderers = {
  link: (key, href, _title, children) => (
    <a key={key} data-href={href}>
      {children}
    </a>
  ),
  wikilink: (key, target, text) => (
    <a key={key} data-wikilink={target}>
      {text}
    </a>
  ),
};

const html = (body: string) =>
  renderToStaticMarkup(<div>{noteElements(noteTokens(body), renderers)}</div>);

describe('a note as elements', () => {
  it('draws headings one level under the panel’s, lists, quotes, code and tables', () => {
    expect(html('# Title\n\n- a\n- b\n\n> quote\n\n```\ncode\n```')).toBe(
      '<div><h4>Title</h4><ul><li>a</li><li>b</li></ul><blockquote><p>quote</p></blockquote><pre><code>code\n</code></pre></div>',
    );
    expect(html('| a | b |\n|:-:|--:|\n| 1 | 2 |')).toContain(
      '<td class="align-center">1</td><td class="align-right">2</td>',
    );
  });

  it('makes [[wikilinks]] and #tags their own elements, and leaves code literal', () => {
    expect(html('See [[Pod|the pod]] #k8s and `[[not]]`')).toBe(
      '<div><p>See <a data-wikilink="Pod">the pod</a> <span class="md-tag">#k8s</span> and <code>[[not]]</code></p></div>',
    );
  });

  it('shows raw HTML as text and never loads an image', () => {
    const out = html('<script>alert(1)</script> ![x](https://tracker.example/p.png)');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain(
      '<span class="md-image" title="Images in notes are not loaded">[image: x]</span>',
    );
    expect(out).not.toContain('<img');
  });

  it('hands links to the renderer as written, and keeps a refused scheme as text', () => {
    expect(html('[docs](https://k8s.io) [bad](javascript:alert(1))')).toBe(
      '<div><p><a data-href="https://k8s.io">docs</a> [bad](javascript:alert(1))</p></div>',
    );
  });
});
