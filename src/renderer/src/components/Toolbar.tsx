import {
  BackIcon,
  CairnMark,
  FitIcon,
  ForwardIcon,
  RelayoutIcon,
  ZoomInIcon,
  ZoomOutIcon,
} from './icons';
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
        <div className="tool-group" role="group" aria-label="History">
          <ToolbarButton id="back" icon={<BackIcon />} />
          <ToolbarButton id="forward" icon={<ForwardIcon />} />
        </div>
      </div>
      <SearchBox />
      <div className="toolbar-end">
        <div className="tool-group" role="group" aria-label="View">
          <ToolbarButton id="zoom-out" icon={<ZoomOutIcon />} />
          <ToolbarButton id="zoom-in" icon={<ZoomInIcon />} />
          <ToolbarButton id="fit" icon={<FitIcon />} />
        </div>
        <ToolbarButton id="re-layout" icon={<RelayoutIcon />} />
      </div>
    </header>
  );
}
