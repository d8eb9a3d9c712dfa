export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One comparison of ours against a baseline, and the bound the issue sets for it. */
export interface Ratio {
  measure: string;
  unit: string;
  ours: number;
  baseline: number;
  baselineName: string;
  /** ours / baseline, so a time ratio wants to be low and a rate ratio high. */
  ratio: number;
  /** What the issue asks of this ratio; rows shown only for scale have none. */
  bound?: { op: "<=" | ">="; value: number };
  runs: number;
}

export const holds = ({ bound, ratio }: Ratio): boolean =>
  !bound || (bound.op === "<=" ? ratio <= bound.value : ratio >= bound.value);

/** One row: ours against the baseline, under the bound the issue sets (none: the row is for scale). */
export const compare = (
  measure: string,
  unit: string,
  [ours, baseline]: [number, number],
  { baselineName, runs, bound }: Pick<Ratio, "baselineName" | "runs" | "bound">,
): Ratio => ({ measure, unit, ours, baseline, baselineName, ratio: ours / baseline, ...(bound ? { bound } : {}), runs });
