#!/usr/bin/env node
"use strict";
// The command line is compiled to lib/ by `npm ci` / `npm install` (the package's prepare script).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("duizhang: 命令行尚未编译，请先运行 npm ci（或 npm run prepare）。/ not built yet: run `npm ci` (or `npm run prepare`) first.\n");
  process.exit(2);
}
// No V8 flags are set for this process. A larger young generation (--max-semi-space-size=64) took 4–9% off
// the CPU time of a reconcile of 1,048,575 rows a side, nothing at 100,000 rows, and added ~100 MB to the
// peak; v8.setFlagsFromString at this point reaches only worker threads started later, not this thread's
// heap, and starting a second process to pass the flag costs every command ~60 ms (a small one ~15%).
require(entry)
  .runFromProcess()
  .then((code) => {
    process.exitCode = code;
  });
