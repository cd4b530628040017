import type { UiState } from '../state/store';
import { canEdit, canWrite, hasGraph, type Action } from './action';

// Another graph can be opened even when this one failed to load.
const canSwitch = (s: UiState) => s.status !== 'loading' && s.error?.code !== 'unauthorized';

/** The File menu (the desktop app's menu sends these ids, src/shared/menu-commands.ts). */
export const FILE_ACTIONS: Action[] = [
  {
    id: 'new-graph',
    label: 'New graph…',
    shortcuts: [{ key: 'n', mod: true, shift: true, inTextFields: true }],
    isEnabled: canSwitch,
    perform: (ctx) => ctx.editing.openDialog({ kind: 'graph-file', purpose: 'new' }),
  },
  {
    id: 'open-graph',
    label: 'Open graph…',
    shortcuts: [{ key: 'o', mod: true, inTextFields: true }],
    isEnabled: canSwitch,
    perform: (ctx) => ctx.editing.openDialog({ kind: 'graph-file', purpose: 'open' }),
  },
  {
    id: 'import',
    label: 'Import…',
    shortcuts: [{ key: 'i', mod: true, inTextFields: true }],
    isEnabled: canWrite,
    perform: (ctx) => ctx.editing.openDialog({ kind: 'import' }),
  },
  {
    id: 'export',
    label: 'Export…',
    shortcuts: [{ key: 'e', mod: true, inTextFields: true }],
    isEnabled: hasGraph,
    perform: (ctx) => ctx.editing.openDialog({ kind: 'export' }),
  },
  {
    id: 'command-palette',
    label: 'Command palette',
    shortcuts: [{ key: 'p', mod: true, shift: true, inTextFields: true }],
    isEnabled: canEdit,
    hiddenInPalette: true,
    perform: (ctx) => ctx.editing.openDialog({ kind: 'palette' }),
  },
];
