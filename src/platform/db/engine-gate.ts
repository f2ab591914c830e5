/**
 * Turns at PGlite's one session. The server's own connection (pglite-connection.ts) and each
 * CLI connected through the socket (pglite-socket.ts) send the engine their messages; a turn
 * lasts from a holder's first message until the engine says it is idle again (ReadyForQuery
 * 'I'), so a transaction — BEGIN, its statements, COMMIT — is never interleaved with another
 * holder's statements, which would otherwise run inside it.
 */
export class EngineGate {
  #holder: object | null = null;
  readonly #waiting: { who: object; go: () => void }[] = [];

  /** Wait for `who`'s turn (at once if it holds the engine already or nobody does). */
  enter(who: object): Promise<void> | void {
    if (this.#holder === who) return;
    if (this.#holder === null) {
      this.#holder = who;
      return;
    }
    return new Promise((go) => this.#waiting.push({ who, go }));
  }

  /** End `who`'s turn (nothing if it does not hold the engine) and hand it to the next. */
  leave(who: object): void {
    if (this.#holder !== who) return;
    const next = this.#waiting.shift();
    this.#holder = next?.who ?? null;
    next?.go();
  }

  /** Forget a waiter that went away (a socket closed while waiting). */
  drop(who: object): void {
    const i = this.#waiting.findIndex((w) => w.who === who);
    if (i >= 0) this.#waiting.splice(i, 1);
    this.leave(who);
  }

  holds(who: object): boolean {
    return this.#holder === who;
  }
}

/**
 * Whether a frontend message may be answered with ReadyForQuery, so its answer's end is worth
 * reading (see readyStatus): one that ends with a Sync ('S', length 4), or a simple Query ('Q'),
 * CopyDone ('c') or CopyFail ('f').
 */
export function endsTurn(m: Uint8Array): boolean {
  const n = m.length;
  if (n >= 5 && m[n - 5] === 0x53 && m[n - 4] === 0 && m[n - 3] === 0 && m[n - 2] === 0 && m[n - 1] === 4) return true;
  return m[0] === 0x51 || m[0] === 0x63 || m[0] === 0x66;
}

/**
 * The transaction status of the engine's answer when it ends with ReadyForQuery ('Z', length
 * 5, then 'I' idle, 'T' in a transaction, 'E' in a failed one), else undefined (more to come).
 */
export function readyStatus(answer: Uint8Array): 'I' | 'T' | 'E' | undefined {
  const n = answer.length;
  if (n < 6 || answer[n - 6] !== 0x5a || answer[n - 5] !== 0 || answer[n - 4] !== 0 || answer[n - 3] !== 0 || answer[n - 2] !== 5) return undefined;
  return String.fromCharCode(answer[n - 1]!) as 'I' | 'T' | 'E';
}
