import { MENU_COMMANDS } from '../../../shared/menu-commands';
import { ActionMenu } from './ActionMenu';

/**
 * The File menu for browser mode; the desktop app has it in its own menu bar, with the
 * same commands in the same order.
 */
export function FileMenu() {
  return <ActionMenu label="File" id="file-menu" items={MENU_COMMANDS} separators={[2]} />;
}
