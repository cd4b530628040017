/** One bar of the degree chart: concepts with `from` to `to` links. */
export interface DegreeBin {
  from: number;
  to: number;
  concepts: number;
}

/** Degrees up to this many links get a bar each; above, bars double in width. */
const SINGLE = 10;

/**
 * The degree distribution as bars: one per degree up to SINGLE, then 11–20, 21–40,
 * 41–80… so a hub with thousands of links does not stretch the chart into a thousand bars.
 */
export function degreeBins(
  distribution: readonly { degree: number; concepts: number }[],
): DegreeBin[] {
  const bins: DegreeBin[] = [];
  for (const { degree, concepts } of distribution) {
    let from = degree;
    let to = degree;
    if (degree > SINGLE) {
      let width = SINGLE;
      from = SINGLE + 1;
      while (degree > from + width - 1) {
        from += width;
        width *= 2;
      }
      to = from + width - 1;
    }
    const last = bins[bins.length - 1];
    if (last && last.from === from) last.concepts += concepts;
    else bins.push({ from, to, concepts });
  }
  return bins;
}

export function binLabel(bin: DegreeBin): string {
  return bin.from === bin.to ? String(bin.from) : `${bin.from}–${bin.to}`;
}
