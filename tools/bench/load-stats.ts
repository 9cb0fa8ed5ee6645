/** Figures of a batch of timed page loads. */
import { median } from "./table";

/** Nearest-rank percentile (p in 0..100) of the samples: a value that was measured, never interpolated. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be between 0 and 100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface LoadFigures {
  count: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function loadFigures(samplesMs: readonly number[]): LoadFigures {
  return {
    count: samplesMs.length,
    medianMs: median([...samplesMs]),
    p95Ms: percentile(samplesMs, 95),
    minMs: samplesMs.length ? Math.min(...samplesMs) : Number.NaN,
    maxMs: samplesMs.length ? Math.max(...samplesMs) : Number.NaN,
  };
}
