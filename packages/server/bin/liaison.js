#!/usr/bin/env node
// The `liaison` command. TypeScript sources run through tsx, so the node needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
