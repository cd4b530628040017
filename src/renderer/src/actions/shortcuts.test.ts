// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describe as describeShortcut, isTextField, matches, type Shortcut } from './shortcuts';

function key(init: Partial<KeyboardEvent> & { key: string }): KeyboardEvent {
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init,
  } as KeyboardEvent;
}

describe('shortcut matching', () => {
  const undo: Shortcut = { key: 'z', mod: true };
  const redo: Shortcut = { key: 'z', mod: true, shift: true };

  it('takes Ctrl or Cmd for mod, and tells Shift apart when mod is held', () => {
    expect(matches(key({ key: 'z', ctrlKey: true }), undo)).toBe(true);
    expect(matches(key({ key: 'z', metaKey: true }), undo)).toBe(true);
    expect(matches(key({ key: 'Z', ctrlKey: true, shiftKey: true }), undo)).toBe(false);
    expect(matches(key({ key: 'Z', ctrlKey: true, shiftKey: true }), redo)).toBe(true);
    expect(matches(key({ key: 'z' }), undo)).toBe(false);
  });

  it('ignores Shift for plain keys, so + works on every keyboard layout', () => {
    expect(matches(key({ key: '+', shiftKey: true }), { key: '+' })).toBe(true);
    expect(matches(key({ key: 'N', shiftKey: true }), { key: 'n' })).toBe(true);
    expect(matches(key({ key: 'n', altKey: true }), { key: 'n' })).toBe(false);
  });

  it('writes shortcuts as people read them', () => {
    expect(describeShortcut({ key: 'k', mod: true })).toMatch(/^(Ctrl\+K|⌘K)$/);
    expect(describeShortcut({ key: 'ArrowLeft', alt: true })).toMatch(/^(Alt\+←|⌥←)$/);
    expect(describeShortcut({ key: 'Escape' })).toBe('Esc');
  });

  it('knows text fields, which keep their own keys', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(isTextField(input('text'))).toBe(true);
    expect(isTextField(input('search'))).toBe(true);
    expect(isTextField(input('checkbox'))).toBe(false);
    expect(isTextField(input('button'))).toBe(false);
    expect(isTextField(document.createElement('textarea'))).toBe(true);
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    document.body.append(editable);
    expect(isTextField(editable)).toBe(true);
    expect(isTextField(document.createElement('button'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
