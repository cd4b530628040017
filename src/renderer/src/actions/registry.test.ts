import { describe, expect, it, vi } from 'vitest';
import type { FlowContext } from '../app/flow-context';
import { createUiStore, type UiState } from '../state/store';
import { MENU_COMMANDS } from '../../../shared/menu-commands';
import { ACTIONS, findAction, shortcutText, tooltip } from './registry';
import { matches } from './shortcuts';

const state = (change: Partial<UiState>): UiState => ({
  ...createUiStore('light').getState(),
  status: 'ready',
  summary: { concepts: { total: 1, shown: 1 } } as UiState['summary'],
  ...change,
});

describe('the action registry', () => {
  it('offers no change to a graph opened read-only, and still reading, exporting and leaving it', () => {
    const appInfo = {
      version: 'test',
      databasePath: '/tmp/shared.sqlite',
      graphName: 'shared.sqlite',
      mode: 'browser' as const,
      readOnly: true,
    };
    const selected = {
      selectedId: 'etcd',
      selection: ['etcd'],
      details: {
        id: 'etcd',
        data: { concept: { seedState: 'edited' }, outgoing: [], incoming: [] },
      },
      changes: {
        ...createUiStore('light').getState().changes,
        state: { canUndo: true, canRedo: true },
      },
    } as unknown as Partial<UiState>;
    const enabled = (readOnly: boolean) =>
      ACTIONS.filter((a) =>
        a.isEnabled(state({ ...selected, appInfo: { ...appInfo, readOnly } })),
      ).map((a) => a.id);
    const writes = [
      'new-concept',
      'edit-concept',
      'add-link',
      'restore-original',
      'delete-concept',
      'undo',
      'redo',
      'import',
      're-layout',
      'layout-grid',
    ];
    for (const id of writes) expect(enabled(false), id).toContain(id);
    for (const id of writes) expect(enabled(true), id).not.toContain(id);
    for (const id of ['export', 'open-graph', 'focus-search', 'show-history', 'find-path']) {
      expect(enabled(true), id).toContain(id);
    }
  });

  it('names every action once, including every command of the desktop File menu', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of MENU_COMMANDS) expect(findAction(command).id).toBe(command);
  });

  it('gives no two actions the same key', () => {
    const seen: string[] = [];
    for (const action of ACTIONS) {
      for (const shortcut of action.shortcuts) {
        const event = {
          key: shortcut.key,
          ctrlKey: Boolean(shortcut.mod),
          metaKey: false,
          altKey: Boolean(shortcut.alt),
          shiftKey: Boolean(shortcut.shift),
        } as KeyboardEvent;
        const claimed = ACTIONS.filter((a) => a.shortcuts.some((s) => matches(event, s)));
        expect(
          claimed.map((a) => a.id),
          JSON.stringify(shortcut),
        ).toEqual([action.id]);
        seen.push(action.id);
      }
    }
    expect(seen.length).toBeGreaterThan(15);
  });

  it('says in its tooltip what it would do now, with its keys', () => {
    const undo = findAction('undo');
    const ready = state({
      changes: {
        state: { canUndo: true, canRedo: false, undoSummary: 'Created “Istio”', redoSummary: null },
        entries: null,
        error: null,
      },
    });
    expect(undo.isEnabled(ready)).toBe(true);
    expect(tooltip(undo, ready)).toMatch(/^Undo Created “Istio” \((Ctrl\+Z|⌘Z)\)$/);
    expect(undo.isEnabled(state({}))).toBe(false);
    expect(tooltip(findAction('re-layout'))).toBe('Re-layout');
    expect(shortcutText(findAction('fit'))).toBe('F');
  });

  it('offers concept commands only once the concept’s details are loaded', () => {
    const edit = findAction('edit-concept');
    expect(
      edit.isEnabled(state({ selectedId: 'pod', details: { id: 'pod', data: null, error: null } })),
    ).toBe(false);
    const restore = findAction('restore-original');
    const details = (seedState: 'pristine' | 'edited') => ({
      id: 'pod',
      data: { concept: { seedState } } as never,
      error: null,
    });
    expect(restore.isEnabled(state({ selectedId: 'pod', details: details('pristine') }))).toBe(
      false,
    );
    expect(restore.isEnabled(state({ selectedId: 'pod', details: details('edited') }))).toBe(true);
    expect(edit.isEnabled(state({ selectedId: 'pod', details: details('pristine') }))).toBe(true);
  });

  it('performs through the flows it names', () => {
    const ctx = {
      store: createUiStore('light'),
      view: { zoomIn: vi.fn() },
      history: { togglePanel: vi.fn() },
    } as unknown as FlowContext;
    findAction('zoom-in').perform(ctx);
    findAction('show-history').perform(ctx);
    expect(ctx.view.zoomIn).toHaveBeenCalledOnce();
    expect(ctx.history.togglePanel).toHaveBeenCalledOnce();
  });
});
