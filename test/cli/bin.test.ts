import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { availableOrFailInCi } from "../support/required";

const root = path.join(__dirname, "..", "..");
const built = availableOrFailInCi(fs.existsSync(path.join(root, "lib", "cli", "main.js")), "the compiled command line (lib/, made by npm ci)");

// `npm ci` compiles the command line into lib/ (the prepare script); this checks the installed entry point.
(built ? describe : describe.skip)("bin/duizhang.js as a process", () => {
  test("prints help and exits 0", () => {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "duizhang.js"), "--help", "--lang", "en"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: duizhang <command>");
  });

  test("a missing file is one line on stderr, exit 2, no stack trace", () => {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "duizhang.js"), "sheets", "no-such-file.xlsx"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("duizhang: 找不到文件：no-such-file.xlsx\n");
  });
});
