/**
 * Splits `total` whole minutes over items in proportion to `weights`, by the largest
 * remainder method: every item gets the floor of its exact share, then the minutes left go
 * one each to the largest fractional parts (ties: the heavier item, then the earlier one).
 * The result always sums exactly to `total`.
 */
export function allocateMinutes(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`Minutes must be a whole number ≥ 0, got ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError("Weights must be finite and ≥ 0");
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError("Cannot share minutes over no items");
  }
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const effective = weightSum > 0 ? weights : weights.map(() => 1);
  const effectiveSum = weightSum > 0 ? weightSum : weights.length;

  const exact = effective.map((w) => (w / effectiveSum) * total);
  const minutes = exact.map((share) => Math.floor(share));
  let left = total - minutes.reduce((sum, m) => sum + m, 0);

  const order = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share), weight: effective[index] ?? 0 }))
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  return minutes;
}
