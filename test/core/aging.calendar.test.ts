import { both } from "../../src/messages/render";
import { daysBetween, fromEpochDay, toEpochDay } from "../../src/core/dates";
import {
  dueDateOf,
  finalDateOf,
  graceDays,
  nextActionFor,
  NextActions,
  nextActionOn,
  STAGES,
  stageFor,
} from "../../src/core/aging/calendar";
import type { NextAction } from "../../src/core/aging/types";
import { ageLedger } from "../../src/core/aging/ageLedger";
import type { Entry } from "../../src/core/model";
import { fen } from "../../src/core/money";

describe("the one-third rule", () => {
  it.each([
    [30, 30, 40],
    [45, 45, 60],
    [60, 60, 80],
    [90, 90, 120],
  ])("a %i-day term is due on day %i and must be collected by day %i", (term, dueDay, finalDay) => {
    const doc = "2026-01-01";
    expect(daysBetween(doc, dueDateOf(doc, term))).toBe(dueDay);
    expect(daysBetween(doc, finalDateOf(doc, term))).toBe(finalDay);
  });

  it("gives 30 days 10, 45 days 15, 60 days 20 and 90 days 30 days of grace after due", () => {
    expect([30, 45, 60, 90].map(graceDays)).toEqual([10, 15, 20, 30]);
  });

  it("rounds a fractional third down: 40 days → 13 days of grace (13.33 allows day 13, not day 14)", () => {
    expect(graceDays(40)).toBe(13);
    expect(graceDays(41)).toBe(13);
    expect(graceDays(44)).toBe(14);
    expect(finalDateOf("2026-01-01", 40)).toBe("2026-02-23");
    expect(stageFor(13, 40)).toBe("overdue");
    expect(stageFor(14, 40)).toBe("past_final");
  });

  it("gives a cash term (0 days) no grace: the day after the document it is past the final deadline", () => {
    expect(finalDateOf("2026-05-05", 0)).toBe("2026-05-05");
    expect(stageFor(0, 0)).toBe("due_today");
    expect(stageFor(1, 0)).toBe("past_final");
  });
});

describe("stages as of a date", () => {
  it.each([
    [-30, "not_due"],
    [-8, "not_due"],
    [-7, "due_7d"],
    [-4, "due_7d"],
    [-3, "due_3d"],
    [-1, "due_3d"],
    [0, "due_today"],
    [1, "overdue"],
    [10, "overdue"],
    [11, "past_final"],
    [400, "past_final"],
  ])("a 30-day item %i days past due is %s", (days, stage) => {
    expect(stageFor(days, 30)).toBe(stage);
  });

  it.each([
    [45, 15],
    [60, 20],
    [90, 30],
  ])("a %i-day item is overdue on the last day inside the third (%i) and past the final deadline the day after", (term, grace) => {
    expect(stageFor(grace, term)).toBe("overdue");
    expect(stageFor(grace + 1, term)).toBe("past_final");
  });

  const entry = (date: string, amount: number): Entry => ({
    sheet: "明细账",
    row: 5,
    date,
    ref: "XS-1",
    refs: ["XS-1"],
    description: "销售出库",
    amount: fen(amount),
    dealer: "华东商贸",
    rep: "王磊",
    termDays: null,
  });

  it.each([
    ["2027-01-22", "not_due", "call_visit", "2027-01-24"],
    ["2027-01-24", "due_7d", "call_visit", "2027-01-24"],
    ["2027-01-28", "due_3d", "confirm_date", "2027-01-28"],
    ["2027-01-30", "due_3d", "confirm_date", "2027-01-28"],
    ["2027-01-31", "due_today", "collect", "2027-01-31"],
    ["2027-02-01", "overdue", "chase", "2027-02-01"],
    ["2027-02-10", "overdue", "chase", "2027-02-01"],
    ["2027-02-11", "past_final", "demand", "2027-02-11"],
  ])("an invoice of 2027-01-01 on 30 days, as of %s, is %s: next %s on %s", (asOf, stage, code, date) => {
    const report = ageLedger({ entries: [entry("2027-01-01", 100_00)], openings: [] }, { asOf });
    const item = report.dealers[0].items[0];
    expect(item.dueDate).toBe("2027-01-31");
    expect(item.finalDate).toBe("2027-02-10");
    expect(item.stage).toBe(stage);
    expect(item.nextAction.code).toBe(code);
    expect(item.nextAction.date).toBe(date);
  });

  it("writes every next action in Chinese and English", () => {
    const action = nextActionFor("past_final", "2026-10-15", 30, false, "2026-11-27");
    expect({ code: action.code, date: action.date, ...both(action.text) }).toEqual({
      code: "demand",
      date: "2026-10-26",
      zh: "已过最终收款期限：立即发催款函，取得还款承诺书",
      en: "Past the final deadline: send a demand letter now and get a payment commitment",
    });
  });
});

describe("dates across leap days and month ends", () => {
  it("falls due on the leap day 2028-02-29 and counts it", () => {
    expect(dueDateOf("2028-01-30", 30)).toBe("2028-02-29");
    expect(finalDateOf("2028-01-30", 30)).toBe("2028-03-10");
    expect(dueDateOf("2028-02-29", 30)).toBe("2028-03-30");
    expect(dueDateOf("2027-01-30", 30)).toBe("2027-03-01");
  });

  it("runs past month and year ends by days, not by months", () => {
    expect(dueDateOf("2026-01-31", 30)).toBe("2026-03-02");
    expect(dueDateOf("2026-12-31", 60)).toBe("2027-03-01");
    expect(finalDateOf("2026-12-31", 60)).toBe("2027-03-21");
    expect(dueDateOf("2026-08-31", 30)).toBe("2026-09-30");
  });
});

describe("next actions shared by the items of one aging", () => {
  it("are each item's own next action, one read-only object per action and day", () => {
    const asOf = "2026-06-30";
    const asOfDay = toEpochDay(asOf);
    const actions = new NextActions(asOfDay, fromEpochDay);
    const seen = new Map<string, NextAction>();
    for (const stage of STAGES) {
      for (const unknownAge of [false, true]) {
        for (const termDays of [0, 30, 45, 90]) {
          for (let dueDay = asOfDay - 200; dueDay <= asOfDay + 200; dueDay += 13) {
            const shared = actions.of(stage, dueDay, termDays, unknownAge);
            expect(shared).toEqual(nextActionFor(stage, fromEpochDay(dueDay), termDays, unknownAge, asOf));
            const key = `${shared.code} ${shared.date}`;
            const before = seen.get(key);
            if (before === undefined) seen.set(key, shared);
            else expect(shared).toBe(before);
          }
        }
      }
    }
    // Items of different stages or days still get their own: far fewer objects than items, more than one.
    expect(seen.size).toBeGreaterThan(STAGES.length);
  });

  it("give an item due on a day that is no whole number its own action: NaN or an infinite day is never shared between actions", () => {
    const asOfDay = toEpochDay("2026-06-30");
    const actions = new NextActions(asOfDay, fromEpochDay);
    for (const dueDay of [NaN, Infinity, -Infinity]) {
      const got = STAGES.map((stage) => actions.of(stage, dueDay, 30, false));
      expect(got).toEqual(STAGES.map((stage) => nextActionOn(stage, dueDay, 30, false, asOfDay, fromEpochDay)));
      // not_due and due_7d both call for a visit; every other stage has an action of its own.
      expect(got.map((a) => a.code)).toEqual(["call_visit", "call_visit", "confirm_date", "collect", "chase", "demand"]);
    }
    // A whole day after them is still made once and shared.
    expect(actions.of("overdue", asOfDay, 30, false)).toBe(actions.of("overdue", asOfDay, 30, false));
  });
});
