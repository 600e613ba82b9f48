#!/usr/bin/env node
// rotor is written in TypeScript and so are strategy files: register tsx's loader, then start the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
