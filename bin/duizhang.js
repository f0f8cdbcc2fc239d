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
require(entry)
  .runFromProcess()
  .then((code) => {
    process.exitCode = code;
  });
