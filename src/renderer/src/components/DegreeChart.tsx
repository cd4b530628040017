import { binLabel, degreeBins } from './degree-bins';

const WIDTH = 300;
const HEIGHT = 90;
const number = new Intl.NumberFormat();

/** The degree distribution as a bar chart, with each bar's count in its tooltip and the whole in words. */
export function DegreeChart({
  distribution,
}: {
  distribution: readonly { degree: number; concepts: number }[];
}) {
  const bins = degreeBins(distribution);
  if (bins.length === 0) return <p className="muted">No concepts.</p>;
  const most = Math.max(...bins.map((b) => b.concepts));
  const step = WIDTH / bins.length;
  const described = bins
    .map((b) => `${number.format(b.concepts)} with ${binLabel(b)} links`)
    .join(', ');
  return (
    <figure className="degree-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
        role="img"
        aria-label={`Concepts by number of links: ${described}`}
      >
        {bins.map((bin, i) => {
          const height = Math.max(1, (bin.concepts / most) * HEIGHT);
          return (
            <g key={bin.from}>
              <rect
                x={i * step + 1}
                y={HEIGHT - height}
                width={Math.max(1, step - 2)}
                height={height}
                className="degree-bar"
              >
                <title>{`${number.format(bin.concepts)} concepts with ${binLabel(bin)} links`}</title>
              </rect>
              {(bins.length <= 12 || i % Math.ceil(bins.length / 12) === 0) && (
                <text x={i * step + step / 2} y={HEIGHT + 11} className="degree-axis">
                  {binLabel(bin)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
