#!/usr/bin/env node
"use strict";
// Compiles the benchmark (test/bench) with the project's TypeScript, then runs it.
const { execFileSync } = require("child_process");
const path = require("path");
const root = path.join(__dirname, "..");
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "test", "bench", "tsconfig.json")], { stdio: ["ignore", "ignore", "inherit"], cwd: root });
require(path.join(root, ".bench", "test", "bench", "main.js"));
