#!/usr/bin/env node
// ferry's entry point: everything lives in lib/, so the CLI and the library are the same code.
import { main } from './lib/cli/main.js';

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ferry: internal error, please report it:\n${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
