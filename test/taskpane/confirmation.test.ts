import { nextConfirmation, type Confirmation } from "../../src/taskpane/confirmation";

const marks: Confirmation = { at: "reconcile-marks", intent: "success", text: () => "已清除标记" };
const decision: Confirmation = { at: "reconcile-decisions", intent: "success", text: () => "已确认匹配" };

describe("the pane's one confirmation", () => {
  test("a confirmation stays through anything but the next action or its own dismissal", () => {
    expect(nextConfirmation(null, { type: "confirm", note: marks })).toBe(marks);
    // Closing a confirmation that is no longer shown leaves the current one alone.
    expect(nextConfirmation(marks, { type: "dismiss", at: "reconcile-decisions" })).toBe(marks);
    expect(nextConfirmation(marks, { type: "dismiss", at: "reconcile-marks" })).toBeNull();
  });

  test("starting another action takes the last confirmation away; its own confirmation replaces it", () => {
    expect(nextConfirmation(marks, { type: "action" })).toBeNull();
    expect(nextConfirmation(marks, { type: "confirm", note: decision })).toBe(decision);
    expect(nextConfirmation(null, { type: "action" })).toBeNull();
  });
});
