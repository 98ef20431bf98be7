#!/usr/bin/env node
// The command line: `provenance-lens scan [--json] FILE...`, `provenance-lens source [--json] URL`.
// It runs the TypeScript sources through tsx, so the CLI and the extension share one engine.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
