import { describe, expect, it } from 'vitest';
import { FileNameAllocator, safeFileName } from '../../src/main/services/export/safe-file-name';

describe('safe file names', () => {
  it.each([
    ['etcd', 'etcd'],
    ['CI/CD: a <b>"guide"</b>?', 'CI-CD- a -b--guide---b--'],
    ['back\\slash|pipe*star', 'back-slash-pipe-star'],
    ['bell\u0007 and\ttab\nnewline', 'bell- and tab newline'],
    ['ends with dots...', 'ends with dots'],
    ['ends with spaces   ', 'ends with spaces'],
    ['.hidden', 'hidden'],
    ['', 'Untitled'],
    ['...', 'Untitled'],
    ['🪨 Cairn 🪨', '🪨 Cairn 🪨'],
  ])('%j becomes %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each([
    'CON',
    'con',
    'Prn',
    'AUX',
    'nul',
    'COM1',
    'com9',
    'LPT1',
    'lpt9',
    'COM¹',
    'CON.txt',
    'nul.tar.gz',
    'AUX .md',
  ])('never gives the reserved Windows name %j', (name) => {
    const safe = safeFileName(name);
    expect(safe.split('.')[0]!.trimEnd()).not.toMatch(
      /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i,
    );
    expect(safe.toLowerCase().startsWith(name.split('.')[0]!.trimEnd().toLowerCase())).toBe(true);
  });

  it('leaves names that only start like a reserved one', () => {
    expect(safeFileName('CONsole')).toBe('CONsole');
    expect(safeFileName('COM10')).toBe('COM10');
  });

  it('bounds the length in characters, never splitting an emoji', () => {
    expect(safeFileName('x'.repeat(10_000))).toBe('x'.repeat(120));
    const emoji = safeFileName('🪨'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).toBe('🪨'.repeat(120));
    expect(safeFileName('a'.repeat(119) + ' b')).toBe('a'.repeat(119));
  });

  it('replaces extra characters on request, e.g. those that break a wikilink', () => {
    expect(safeFileName('a]]b|c#d^e[f', { alsoForbidden: '[]#^|' })).toBe('a--b-c-d-e-f');
  });

  it('hands out names unique case-insensitively, within the length bound', () => {
    const names = new FileNameAllocator();
    expect(names.allocate('Pod')).toBe('Pod');
    expect(names.allocate('pod')).toBe('pod 2');
    expect(names.allocate('POD')).toBe('POD 3');
    expect(names.allocate('Pod?')).toBe('Pod-');
    expect(names.allocate('CON')).toBe('CON_');
    expect(names.allocate('con_')).toBe('con_ 2');
    const long = 'y'.repeat(500);
    expect(names.allocate(long)).toBe('y'.repeat(120));
    expect(names.allocate(long)).toBe('y'.repeat(118) + ' 2');
    names.reserve('index');
    expect(names.allocate('Index')).toBe('Index 2');
  });
});
