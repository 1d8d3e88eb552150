import { afterEach, describe, expect, it } from 'vitest';
import { snapshotRealm } from '../src/sandbox/realm-snapshot.js';

/* grade-one's check between jobs (src/sandbox/realm-snapshot.ts): each change is undone after its test. */
const undo: Array<() => void> = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

describe("grade-one's snapshot of its built-ins", () => {
  it('finds nothing when nothing changed', () => {
    expect(snapshotRealm().changes()).toEqual([]);
  });

  it('finds a polluted prototype', () => {
    const realm = snapshotRealm();
    Object.defineProperty(Object.prototype, 'polluted', { value: true, configurable: true, writable: true });
    undo.push(() => delete (Object.prototype as Record<string, unknown>).polluted);
    expect(realm.changes()).toEqual(['Object.prototype: polluted added']);
  });

  it('finds a replaced built-in function and a deleted method', () => {
    const realm = snapshotRealm();
    const [parse, at] = [JSON.parse, Array.prototype.at];
    JSON.parse = () => ({});
    Reflect.deleteProperty(Array.prototype, 'at');
    undo.push(() => {
      JSON.parse = parse;
      Object.defineProperty(Array.prototype, 'at', { value: at, writable: true, configurable: true, enumerable: false });
    });
    expect(realm.changes()).toEqual(['Array.prototype: at removed', 'JSON: parse changed']);
  });

  it('finds a global name that no longer holds its built-in', () => {
    const realm = snapshotRealm();
    const math = Math;
    (globalThis as Record<string, unknown>).Math = { ...math };
    undo.push(() => ((globalThis as Record<string, unknown>).Math = math));
    expect(realm.changes()).toEqual(['Math no longer names the built-in']);
  });

  it("leaves alone what tools change as they run: new globals and Error's stack hooks", () => {
    const realm = snapshotRealm();
    const hook = Error.prepareStackTrace;
    Error.prepareStackTrace = (_e, frames) => frames.join('\n');
    (globalThis as Record<string, unknown>).__someToolState = {};
    undo.push(() => {
      Error.prepareStackTrace = hook;
      delete (globalThis as Record<string, unknown>).__someToolState;
    });
    expect(realm.changes()).toEqual([]);
  });
});
