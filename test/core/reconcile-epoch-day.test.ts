/**
 * The matcher works out a row's day from the date's characters (fastEpochDay) instead of through a Date:
 * it must give the day core/dates gives for every date a sheet can hold.
 */
import { fromEpochDay, toEpochDay } from "../../src/core/dates";
import { fastEpochDay } from "../../src/core/reconcile/engine";

describe("fastEpochDay", () => {
  test("is toEpochDay for every day from 1900 to 2199, leap days and century years included", () => {
    const first = toEpochDay("1900-01-01");
    const last = toEpochDay("2199-12-31");
    let wrong = 0;
    for (let day = first; day <= last; day++) {
      const iso = fromEpochDay(day);
      if (fastEpochDay(iso) !== day) wrong++;
    }
    expect(last - first + 1).toBe(300 * 365 + 73);
    expect(wrong).toBe(0);
    expect(fastEpochDay("1970-01-01")).toBe(0);
    expect(fastEpochDay("2000-02-29") - fastEpochDay("2000-02-28")).toBe(1);
    expect(fastEpochDay("1900-03-01") - fastEpochDay("1900-02-28")).toBe(1);
    expect(fastEpochDay("2100-03-01") - fastEpochDay("2100-02-28")).toBe(1);
  });
});
