import { LAYOUTS } from '../../../shared/layouts';
import { useUi } from '../app/context';
import { ActionButton } from './ActionButton';

/**
 * While a layout computes in its worker: what it is doing, and Cancel. While the store
 * places a big graph's new concepts: that the rest of the app works meanwhile (placing
 * cannot be cancelled: without positions there is no overview to draw).
 */
export function LayoutProgress() {
  const running = useUi((s) => s.layoutRunning);
  const placing = useUi((s) => s.placing);
  if (placing !== null) {
    return (
      <div className="layout-progress" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>
          Placing {placing.toLocaleString('en')} new concepts by category… Search and details work
          meanwhile.
        </span>
      </div>
    );
  }
  if (!running) return null;
  // On the store, the share of its iterations done (null until the first report).
  const progress = running.progress && running.progress.total > 0 ? running.progress : null;
  return (
    <div className="layout-progress" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>
        Laying out {running.count.toLocaleString('en')} concepts ({LAYOUTS[running.name].label})…
        {progress
          ? ` ${Math.round((100 * progress.done) / progress.total)}%. Search and details work meanwhile.`
          : null}
      </span>
      {progress ? (
        <progress
          max={progress.total}
          value={progress.done}
          aria-label="Layout progress"
          className="layout-progress-bar"
        />
      ) : null}
      <ActionButton id="cancel-layout" text="Cancel layout" />
    </div>
  );
}
