import { execFileSync } from "child_process";

/**
 * Tests that need an outside tool (LibreOffice, poppler) or a build step skip themselves on a developer's
 * machine that lacks it, with a warning. In CI (`CI` set, as `.ci/run` runs) that would turn a missing install
 * into a green run that checked nothing, so there the missing tool fails the suite instead.
 */
export function availableOrFailInCi(available: boolean, what: string): boolean {
  if (!available && process.env.CI) throw new Error(`CI must run these tests, but ${what} is missing: .ci/run installs it`);
  return available;
}

/** Whether every one of `commands` (soffice, pdftotext, …) can be run from the PATH. */
export function hasCommands(...commands: string[]): boolean {
  try {
    execFileSync("sh", ["-c", commands.map((c) => `command -v ${c}`).join(" && ")], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
