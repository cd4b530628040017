// Commands the desktop app's File menu sends to the renderer. The one message that
// travels from main to the page: the preload passes on only these ids, and the
// renderer runs the registered action of the same name.
export const MENU_COMMANDS = ['new-graph', 'open-graph', 'import', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const MENU_CHANNEL = 'cairn:menu';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
