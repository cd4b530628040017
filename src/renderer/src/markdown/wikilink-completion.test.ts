import { describe, expect, it } from 'vitest';
import { completeWikilink, linkableLabel, openWikilinkAt } from './wikilink-completion';

describe('the [[ completion', () => {
  it('opens after [[ and follows what is typed, on the same line', () => {
    expect(openWikilinkAt('See [[', 6)).toEqual({ start: 4, query: '' });
    expect(openWikilinkAt('See [[API se', 12)).toEqual({ start: 4, query: 'API se' });
    expect(openWikilinkAt('[[Pod]] and [[et', 16)).toEqual({ start: 12, query: 'et' });
  });

  it('is closed outside an open [[: after ]], a |, a line break, one [ or [[[', () => {
    expect(openWikilinkAt('See [[Pod]] x', 13)).toBeNull();
    expect(openWikilinkAt('See [[Pod|the', 13)).toBeNull();
    expect(openWikilinkAt('See [[Pod\nx', 11)).toBeNull();
    expect(openWikilinkAt('See [Pod', 8)).toBeNull();
    expect(openWikilinkAt('See [[[Pod', 10)).toBeNull();
    expect(openWikilinkAt('no brackets', 5)).toBeNull();
    expect(openWikilinkAt(`[[${'x'.repeat(250)}`, 252)).toBeNull();
  });

  it('completes to [[label]] with the caret after it, taking in a ]] already there', () => {
    const open = openWikilinkAt('See [[api and more', 9)!;
    expect(completeWikilink('See [[api and more', open, 9, 'API server')).toEqual({
      text: 'See [[API server]] and more',
      caret: 18,
    });
    const closed = openWikilinkAt('See [[api]] x', 9)!;
    expect(completeWikilink('See [[api]] x', closed, 9, 'API server')).toEqual({
      text: 'See [[API server]] x',
      caret: 18,
    });
  });

  it('offers only labels a wikilink can hold', () => {
    expect(linkableLabel('API server')).toBe(true);
    expect(linkableLabel('a|b')).toBe(false);
    expect(linkableLabel('[x]')).toBe(false);
  });
});
