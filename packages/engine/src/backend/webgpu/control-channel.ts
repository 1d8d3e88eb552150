import {
  CONTROL_BYTES,
  ERROR_FATAL,
  ERROR_NONE,
  ERROR_PENDING,
  ERROR_TEXT_CAPACITY,
  ERROR_TEXT_OFFSET,
  SLOT_ANSWERED,
  SLOT_ERROR,
  SLOT_ERROR_LENGTH,
} from './protocol.js';

/**
 * Both ends of the shared control buffer. The GPU thread answers requests (ring) and records
 * errors (fail); the calling thread blocks until an answer (awaitTicket) and turns a recorded
 * error into an exception (takeError). Text goes through the buffer, not through messages,
 * because a thread blocked in Atomics.wait cannot receive messages.
 */
export class ControlChannel {
  readonly slots: Int32Array;
  private readonly bytes: Uint8Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(CONTROL_BYTES)) {
    this.slots = new Int32Array(buffer, 0, ERROR_TEXT_OFFSET / 4);
    this.bytes = new Uint8Array(buffer, ERROR_TEXT_OFFSET, ERROR_TEXT_CAPACITY);
  }

  // ---- GPU thread ----------------------------------------------------------------------------

  ring(ticket: number): void {
    Atomics.store(this.slots, SLOT_ANSWERED, ticket);
    Atomics.notify(this.slots, SLOT_ANSWERED);
  }

  /** Records an error unless one is already waiting to be reported (the first cause matters most). */
  fail(message: string, fatal = false): void {
    const state = Atomics.load(this.slots, SLOT_ERROR);
    if (state === ERROR_FATAL || (state === ERROR_PENDING && !fatal)) return;
    this.writeText(message);
    Atomics.store(this.slots, SLOT_ERROR, fatal ? ERROR_FATAL : ERROR_PENDING);
  }

  writeText(text: string): void {
    const encoded = new TextEncoder().encode(text).subarray(0, ERROR_TEXT_CAPACITY);
    this.bytes.set(encoded);
    Atomics.store(this.slots, SLOT_ERROR_LENGTH, encoded.length);
  }

  // ---- calling thread ------------------------------------------------------------------------

  /** Blocks until `ticket` is answered; false after timeoutMs. */
  awaitTicket(ticket: number, timeoutMs: number): boolean {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answered = Atomics.load(this.slots, SLOT_ANSWERED);
      if (answered >= ticket) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.slots, SLOT_ANSWERED, answered, left);
    }
  }

  readText(): string {
    const length = Atomics.load(this.slots, SLOT_ERROR_LENGTH);
    // TextDecoder refuses views of shared memory, so copy out first.
    return new TextDecoder().decode(this.bytes.slice(0, length));
  }

  /** The recorded error, if any: a pending one is cleared (reported once), a fatal one stays. */
  takeError(): { message: string; fatal: boolean } | undefined {
    const state = Atomics.load(this.slots, SLOT_ERROR);
    if (state === ERROR_NONE) return undefined;
    const message = this.readText();
    if (state === ERROR_PENDING) Atomics.store(this.slots, SLOT_ERROR, ERROR_NONE);
    return { message, fatal: state === ERROR_FATAL };
  }
}
