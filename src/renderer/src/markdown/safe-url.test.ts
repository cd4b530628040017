import { describe, expect, it } from 'vitest';
import { externalAddress, safeHref } from './safe-url';

describe('which addresses a note may link to', () => {
  it('keeps http, https and mailto', () => {
    expect(safeHref('https://kubernetes.io/docs')).toBe('https://kubernetes.io/docs');
    expect(safeHref('HTTP://example.org')).toBe('http://example.org/');
    expect(safeHref('mailto:someone@example.org')).toBe('mailto:someone@example.org');
  });

  it('refuses every other scheme however it is spelled, and addresses without one', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'cairn-wiki:Pod',
      '/api/getGraph',
      '//evil.example/x',
      '#top',
      'http://',
    ]) {
      expect(safeHref(url), url).toBeNull();
    }
  });
});

describe('externalAddress', () => {
  it('shows the host the browser will contact, look-alike names in punycode', () => {
    expect(externalAddress('https://example.org:8443/a?b#c')).toEqual({
      host: 'example.org:8443',
      address: 'https://example.org:8443/a?b#c',
    });
    expect(externalAddress('https://exаmple.org/')?.host).toBe('xn--exmple-4nf.org');
  });

  it('has nothing to show for other schemes', () => {
    expect(externalAddress('mailto:a@example.org')).toBeNull();
    expect(externalAddress('not a url')).toBeNull();
  });
});
