import { LAYOUT_NAMES } from '../../../shared/layouts';
import type { ActionId } from '../actions/registry';
import { ActionMenu } from './ActionMenu';
import { RelayoutIcon } from './icons';

const ITEMS: ActionId[] = [...LAYOUT_NAMES.map((name) => `layout-${name}` as const), 're-layout'];

/** The layouts to choose from, the one in use checked, and Re-layout. */
export function LayoutMenu() {
  return (
    <ActionMenu
      label="Layout"
      id="layout-menu"
      items={ITEMS}
      separators={[LAYOUT_NAMES.length]}
      icon={<RelayoutIcon />}
    />
  );
}
