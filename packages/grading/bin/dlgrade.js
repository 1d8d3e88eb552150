#!/usr/bin/env node
// The grading CLI is TypeScript; tsx compiles it on the fly so no build step is needed.
// vitest/node is plain JavaScript and large: loading it before tsx's hooks are installed
// keeps it out of tsx's loader, which saves a good part of the start-up time.
import 'vitest/node';
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/dlgrade.ts');
