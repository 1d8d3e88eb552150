#!/usr/bin/env node
// The grading CLI is TypeScript; tsx compiles it on the fly so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/dlgrade.ts');
