#!/usr/bin/env node
// The `pushlab` command: runs the TypeScript CLI through tsx, so it works straight from a clone.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
