#!/usr/bin/env node
// grade-one is TypeScript; tsx compiles it on the fly. vitest/node is loaded before tsx's hooks
// are installed so that its large plain-JavaScript bundle skips tsx's loader (faster start).
import 'vitest/node';
import { register } from 'tsx/esm/api';

register();
await import('../src/sandbox/grade-one.ts');
