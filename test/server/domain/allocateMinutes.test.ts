import { describe, expect, it } from "vitest";
import { allocateMinutes } from "../../../server/domain/allocateMinutes";

describe("allocateMinutes (largest remainder)", () => {
  const cases: [string, number[], number, number[]][] = [
    ["exact shares stay exact", [1, 1, 2], 20, [5, 5, 10]],
    ["the leftover minute goes to the largest fraction", [1, 1, 1], 10, [4, 3, 3]],
    ["two leftovers go to the two largest fractions", [5, 3, 4, 2, 2, 2, 2, 1], 30, [7, 4, 6, 3, 3, 3, 3, 1]],
    ["equal fractions: the heavier item first", [1, 3], 2, [0, 2]],
    ["equal fractions and weights: the earlier item first", [1, 1], 1, [1, 0]],
    ["zero weights share nothing while others have weight", [0, 3, 1], 8, [0, 6, 2]],
    ["all-zero weights split evenly", [0, 0], 5, [3, 2]],
    ["a meeting shorter than the item count", [6, 3, 1], 2, [1, 1, 0]],
  ];
  it.each(cases)("%s", (_name, weights, total, expected) => {
    const minutes = allocateMinutes(weights, total);
    expect(minutes).toEqual(expected);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("always sums exactly to the total, for every length from 1 to 240 minutes", () => {
    const weights = [3, 2, 3, 3, 6, 6, 4, 1, 4, 1];
    for (let total = 1; total <= 240; total += 1) {
      expect(allocateMinutes(weights, total).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it("refuses fractional or negative minutes and negative weights", () => {
    expect(() => allocateMinutes([1], 2.5)).toThrow(RangeError);
    expect(() => allocateMinutes([1], -1)).toThrow(RangeError);
    expect(() => allocateMinutes([1, -1], 10)).toThrow(RangeError);
  });
});
