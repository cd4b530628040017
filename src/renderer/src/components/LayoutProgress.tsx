import { LAYOUTS } from '../../../shared/layouts';
import { useUi } from '../app/context';
import { ActionButton } from './ActionButton';

/** While a layout computes in its worker: what it is doing, and Cancel. */
export function LayoutProgress() {
  const running = useUi((s) => s.layoutRunning);
  if (!running) return null;
  return (
    <div className="layout-progress" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>
        Laying out {running.count.toLocaleString('en')} concepts ({LAYOUTS[running.name].label})…
      </span>
      <ActionButton id="cancel-layout" text="Cancel layout" />
    </div>
  );
}
