import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { parse, serialize } from 'pg-protocol';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';

/**
 * node-postgres's connection to an embedded PGlite: what PGlite's own adapter
 * (`@electric-sql/pglite/node-postgres`) does, reading the engine's answers with
 * node-postgres's protocol parser instead of PGlite's.
 *
 * PGlite's parser decodes every field of every row with a TextDecoder over a DataView; on a
 * page of 51 comments (34 kB, 56 messages) it took 0.8 ms of CPU where pg-protocol's, which
 * node-postgres uses on a socket, takes 0.08 ms. The engine's bytes are the wire protocol
 * either way, so the messages node-postgres receives are the same (pg-protocol is the parser
 * PGlite's is a copy of).
 */
export class PgliteConnection extends EventEmitter {
  readonly #lite: PGlite;
  /** Answers are handled in the order the messages were sent, one engine call at a time. */
  #queue: Promise<void>;
  /** Whether node-postgres listens to 'message' (it does for copy streams). */
  #emitMessage = false;
  /** The parser reads what this emitter is given as 'data', like a socket's stream. */
  readonly #bytes = new EventEmitter();

  /** Read by node-postgres's Client.end(), which skips connection.end() without it. */
  _connecting = false;
  /** node-postgres keeps its named statements here. */
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};

  /** node-postgres's Client.end() destroys the stream when a query is still active. */
  readonly stream = { destroy: () => this.end() };

  constructor(lite: PGlite) {
    super();
    this.#lite = lite;
    this.#queue = lite.waitReady;
    void parse(this.#bytes as unknown as NodeJS.ReadableStream, (msg: BackendMessage) => {
      if (this.#emitMessage) this.emit('message', msg);
      // node-postgres calls an ErrorResponse 'errorMessage' (its 'error' event is the socket's).
      this.emit(msg.name === 'error' ? 'errorMessage' : msg.name, msg);
    });
    this.on('newListener', (event) => {
      if (event === 'message') this.#emitMessage = true;
    });
  }

  #send(message: Uint8Array): void {
    this.#queue = this.#queue
      .then(async () => {
        const chunks: Buffer[] = [];
        // The engine hands out views of its own memory: copy them before the next call.
        await this.#lite.execProtocolRawStream(message, { onRawData: (bytes) => void chunks.push(Buffer.from(bytes)) });
        if (chunks.length) this.#bytes.emit('data', chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      })
      .catch((err: unknown) => {
        this.emit('error', err);
      });
  }

  async connect(_port: number, _host: string): Promise<void> {
    this._connecting = true;
    await this.#lite.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // No network, no authentication: PGlite accepts the one local user.
  requestSsl(): void {}
  startup(_config: unknown): void {}
  cancel(_processID: unknown, _secretKey: unknown): void {}
  password(_password: string): void {}

  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string): void {
    this.#send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
  }
  sendSCRAMClientFinalMessage(additionalData: string): void {
    this.#send(serialize.sendSCRAMClientFinalMessage(additionalData));
  }
  query(text: string): void {
    this.#send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.#send(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.#send(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.#send(serialize.execute(config));
  }
  describe(msg: Parameters<typeof serialize.describe>[0]): void {
    this.#send(serialize.describe(msg));
  }
  close(msg: Parameters<typeof serialize.close>[0]): void {
    this.#send(serialize.close(msg));
  }
  flush(): void {
    this.#send(serialize.flush());
  }
  sync(): void {
    this.#send(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.#send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.#send(serialize.copyDone());
  }
  sendCopyFail(msg: string): void {
    this.#send(serialize.copyFail(msg));
  }

  /**
   * Like a socket closing: node-postgres waits for 'end'. The PGlite instance is shared and
   * owned by the caller, so it stays open; the pool reuses this connection for its next
   * client, so the ended client's listeners go.
   */
  end(): void {
    this.#queue = this.#queue.then(() => {
      this.emit('end');
    });
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
    this.#emitMessage = false;
  }

  ref(): void {}
  unref(): void {}
}

/**
 * What to give `new pg.Pool()` for a PGlite instance: one connection (the engine has one), the
 * connection above, and the placeholders node-postgres expects.
 */
export function pglitePoolConfig(lite: PGlite) {
  return { connection: new PgliteConnection(lite), max: 1, user: 'postgres', password: 'unused', database: 'postgres', host: 'localhost', port: 5432 };
}
