/**
 * core/dates works out a day from the date's characters instead of through a Date (the matcher takes
 * the day of every row): it must give the day a UTC Date gives for every date a sheet can hold.
 */
import { fromEpochDay, toEpochDay } from "../../src/core/dates";

const DAY_MS = 86_400_000;

describe("toEpochDay", () => {
  test("is the UTC Date's day for every day from 1900 to 2199, leap days and century years included", () => {
    const first = Date.UTC(1900, 0, 1) / DAY_MS;
    const last = Date.UTC(2199, 11, 31) / DAY_MS;
    let wrong = 0;
    for (let day = first; day <= last; day++) {
      const iso = fromEpochDay(day);
      const d = new Date(day * DAY_MS);
      if (toEpochDay(iso) !== Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / DAY_MS) || toEpochDay(iso) !== day) wrong++;
    }
    expect(last - first + 1).toBe(300 * 365 + 73);
    expect(wrong).toBe(0);
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("2000-02-29") - toEpochDay("2000-02-28")).toBe(1);
    expect(toEpochDay("1900-03-01") - toEpochDay("1900-02-28")).toBe(1);
    expect(toEpochDay("2100-03-01") - toEpochDay("2100-02-28")).toBe(1);
    expect(toEpochDay("9999-12-31")).toBe(Math.round(Date.UTC(9999, 11, 31) / DAY_MS));
  });
});
