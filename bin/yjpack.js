#!/usr/bin/env node
// Global-install entry: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { runAsProcess } = await import('../pipeline/cli/main.ts');
await runAsProcess();
