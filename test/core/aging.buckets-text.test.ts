import { bucketsFromText } from "../../src/core/aging";

describe("buckets from what the user types", () => {
  test("by due date a 未到期 bucket comes first and the last is open-ended", () => {
    expect(bucketsFromText("30,60", "due")?.map((b) => [b.key, b.from, b.to])).toEqual([
      ["未到期", null, 0],
      ["1-30", 1, 30],
      ["31-60", 31, 60],
      ["60+", 61, null],
    ]);
  });

  test("by document date the first bucket starts at day 0; Chinese commas and spaces are fine", () => {
    expect(bucketsFromText("30， 60", "document")?.map((b) => b.key)).toEqual(["0-30", "31-60", "60+"]);
  });

  test.each(["", "60,30", "0,30", "30,30", "三十", "30,abc", "-5"])("%j is not a bucket list", (text) => {
    expect(bucketsFromText(text, "due")).toBeNull();
  });
});
