import {
  BackIcon,
  CairnMark,
  CommandIcon,
  FitIcon,
  ForwardIcon,
  HistoryIcon,
  StructureIcon,
  ViewsIcon,
  PlusIcon,
  RedoIcon,
  UndoIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from './icons';
import { FileMenu } from './FileMenu';
import { LayoutMenu } from './LayoutMenu';
import { SearchBox } from './SearchBox';
import { ActionButton } from './ActionButton';

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
          <ActionButton id="back" icon={<BackIcon />} className="tool-button" />
          <ActionButton id="forward" icon={<ForwardIcon />} className="tool-button" />
        </div>
        <div className="tool-group" role="group" aria-label="Edit">
          <ActionButton id="undo" icon={<UndoIcon />} className="tool-button" />
          <ActionButton id="redo" icon={<RedoIcon />} className="tool-button" />
        </div>
        <ActionButton
          id="new-concept"
          icon={<PlusIcon />}
          text="New"
          className="button primary small new-concept"
        />
      </div>
      <SearchBox />
      <div className="toolbar-end">
        <ActionButton id="only-mine" text="Only mine" className="toggle-button" />
        <ActionButton id="list-view" text="List" className="toggle-button" />
        <ActionButton
          id="show-structure"
          text="Structure"
          icon={<StructureIcon />}
          className="toggle-button"
        />
        <ActionButton id="show-views" text="Views" icon={<ViewsIcon />} className="toggle-button" />
        <ActionButton
          id="show-history"
          text="History"
          icon={<HistoryIcon />}
          className="toggle-button"
        />
        <div className="tool-group" role="group" aria-label="View">
          <ActionButton id="zoom-out" icon={<ZoomOutIcon />} className="tool-button" />
          <ActionButton id="zoom-in" icon={<ZoomInIcon />} className="tool-button" />
          <ActionButton id="fit" icon={<FitIcon />} className="tool-button" />
        </div>
        <LayoutMenu />
        <ActionButton id="command-palette" icon={<CommandIcon />} className="tool-button" />
      </div>
    </header>
  );
}
