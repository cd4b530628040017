import type { ReactNode } from 'react';
import { tooltip, type ActionId } from '../actions/actions';
import { useAction, useUi } from '../app/context';
import {
  BackIcon,
  CairnMark,
  CommandIcon,
  FitIcon,
  ForwardIcon,
  HistoryIcon,
  PlusIcon,
  RedoIcon,
  RelayoutIcon,
  UndoIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from './icons';
import { FileMenu } from './FileMenu';
import { SearchBox } from './SearchBox';
import { ToolbarButton } from './ToolbarButton';

export function Toolbar() {
  return (
    <header className="toolbar">
      <div className="toolbar-start">
        <div className="brand">
          <CairnMark />
          <h1>Cairn</h1>
        </div>
        {/* The desktop app has File in its own menu bar. */}
        {!window.cairnMenu && <FileMenu />}
        <div className="tool-group" role="group" aria-label="Navigation">
          <ToolbarButton id="back" icon={<BackIcon />} />
          <ToolbarButton id="forward" icon={<ForwardIcon />} />
        </div>
        <div className="tool-group" role="group" aria-label="Edit">
          <ToolbarButton id="undo" icon={<UndoIcon />} />
          <ToolbarButton id="redo" icon={<RedoIcon />} />
        </div>
        <NewConceptButton />
      </div>
      <SearchBox />
      <div className="toolbar-end">
        <ToggleButton id="only-mine" text="Only mine" />
        <ToggleButton id="show-history" text="History" icon={<HistoryIcon />} />
        <div className="tool-group" role="group" aria-label="View">
          <ToolbarButton id="zoom-out" icon={<ZoomOutIcon />} />
          <ToolbarButton id="zoom-in" icon={<ZoomInIcon />} />
          <ToolbarButton id="fit" icon={<FitIcon />} />
        </div>
        <ToolbarButton id="re-layout" icon={<RelayoutIcon />} />
        <ToolbarButton id="command-palette" icon={<CommandIcon />} />
      </div>
    </header>
  );
}

function NewConceptButton() {
  const { action, enabled } = useAction('new-concept');
  return (
    <button
      type="button"
      className="button primary small new-concept"
      aria-label={action.label}
      title={tooltip(action)}
      disabled={!enabled}
      onClick={() => action.run()}
    >
      <PlusIcon /> New
    </button>
  );
}

function ToggleButton({ id, text, icon }: { id: ActionId; text: string; icon?: ReactNode }) {
  const { action, enabled } = useAction(id);
  const pressed = useUi((s) => action.isPressed?.(s) ?? false);
  const title = useUi((s) => tooltip(action, s));
  return (
    <button
      type="button"
      className="toggle-button"
      aria-pressed={pressed}
      aria-label={action.label === text ? undefined : action.label}
      title={title}
      disabled={!enabled}
      onClick={() => action.run()}
    >
      {icon}
      {text}
    </button>
  );
}
