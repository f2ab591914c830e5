import { EventEmitter } from 'node:events';
import type { EmbeddedEngine } from './engine-thread.js';
import { parse, serialize } from 'pg-protocol';
import { parseComplete, type BackendMessage } from 'pg-protocol/dist/messages.js';
import { endsTurn, readyStatus, type EngineGate } from './engine-gate.js';

/** At most this many statements are kept prepared (each holds a parse tree and plans in the engine). */
const MAX_PREPARED = 1000;
/** Texts seen once are remembered up to this many, then forgotten all at once. */
const MAX_SEEN = 10_000;

/**
 * Whether a statement may be kept prepared: not one with LIMIT or OFFSET. After five runs the
 * engine may keep one generic plan for a prepared statement; for a lookup by key that is the
 * same plan every time, but a page of a long list ("order by id limit 51") is where a
 * generic plan can walk an index in order for a value that has few rows. Those keep being
 * planned for their values, as every statement was before.
 */
export function preparable(text: string): boolean {
  return !/\b(limit|offset)\b/i.test(text);
}

/**
 * Simple-protocol statements that cannot change what a prepared statement returns. Any
 * other (create, alter, drop, a do block…) drops every prepared statement first: the engine
 * re-plans after a schema change by itself, but refuses to run a statement whose result
 * columns changed ("cached plan must not change result type").
 */
const KEEPS_PREPARED = /^\s*(begin|commit|rollback|end|abort|savepoint|release|start\s+transaction|select|with|insert|update|delete|values|set|reset|show|explain|analyze|vacuum|listen|unlisten|notify|lock)\b/i;

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
 *
 * It also keeps statements prepared. node-postgres sends every query with parameters as an
 * unnamed statement, which the engine parses, analyses and plans each time: on a signed-in
 * document page that was most of the engine's work for its six lookups (0.39 ms of CPU for the
 * session's, of which 0.08 ms is running it). From its second run, a statement text (without
 * LIMIT or OFFSET, see `preparable`) is parsed once under a name of ours, and later runs bind
 * to that name; node-postgres still sends and sees an unnamed statement (the Parse it sends for
 * a prepared text is answered here with the ParseComplete it expects). The engine keeps plans
 * as PostgreSQL does for any prepared statement (`plan_cache_mode` auto).
 */
export class PgliteConnection extends EventEmitter {
  readonly #lite: EmbeddedEngine;
  readonly #gate: EngineGate | undefined;
  /** Answers are handled in the order the messages were sent, one engine call at a time. */
  #queue: Promise<void>;
  /** Whether node-postgres listens to 'message' (it does for copy streams). */
  #emitMessage = false;
  /** The parser reads what this emitter is given as 'data', like a socket's stream. */
  readonly #bytes = new EventEmitter();
  /** Statement texts prepared in the engine, and their names. */
  readonly #prepared = new Map<string, string>();
  /** Texts run once as unnamed statements (prepared when they come again). */
  #seen = new Set<string>();
  /** The prepared statement the next unnamed Bind goes to ('' for the unnamed one). */
  #target = '';
  /** A Parse sent under one of our names, until the engine answers it. */
  #pending: { text: string; name: string } | null = null;
  #names = 0;
  /** Messages sent in this turn of the event loop, not yet handed to the engine (see #send). */
  #batch: { parts: Uint8Array[]; internal: boolean } | null = null;

  /** Read by node-postgres's Client.end(), which skips connection.end() without it. */
  _connecting = false;
  /** node-postgres keeps its named statements here. */
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};

  /** node-postgres's Client.end() destroys the stream when a query is still active. */
  readonly stream = { destroy: () => this.end() };

  constructor(lite: EmbeddedEngine, gate?: EngineGate) {
    super();
    this.#lite = lite;
    this.#gate = gate;
    this.#queue = lite.waitReady;
    void parse(this.#bytes as unknown as NodeJS.ReadableStream, (msg: BackendMessage) => {
      if (this.#pending) {
        // The engine took our Parse (ParseComplete) or refused it (an error, before it).
        if (msg.name === 'parseComplete') this.#prepared.set(this.#pending.text, this.#pending.name);
        if (msg.name === 'parseComplete' || msg.name === 'error' || msg.name === 'readyForQuery') this.#pending = null;
      }
      this.#dispatch(msg);
    });
    this.on('newListener', (event) => {
      if (event === 'message') this.#emitMessage = true;
    });
  }

  #dispatch(msg: BackendMessage): void {
    if (this.#emitMessage) this.emit('message', msg);
    // node-postgres calls an ErrorResponse 'errorMessage' (its 'error' event is the socket's).
    this.emit(msg.name === 'error' ? 'errorMessage' : msg.name, msg);
  }

  /**
   * Send to the engine, in order; its answer goes to node-postgres unless `internal`. With a
   * gate (the CLI's socket may share the engine), each turn lasts until the engine is idle again.
   */
  #send(message: Uint8Array, internal = false): void {
    // node-postgres sends a query's Parse, Bind, Describe, Execute and Sync in one go: they go
    // to the engine in one call, which in a worker thread is one round trip instead of five.
    if (this.#batch && this.#batch.internal === internal) {
      this.#batch.parts.push(message);
      return;
    }
    const batch = { parts: [message], internal };
    this.#batch = batch;
    this.#queue = this.#queue
      .then(async () => {
        if (this.#batch === batch) this.#batch = null;
        const bytes = batch.parts.length === 1 ? batch.parts[0]! : Buffer.concat(batch.parts);
        const chunks: Buffer[] = [];
        let tail: Uint8Array = new Uint8Array(0);
        await this.#gate?.enter(this);
        // PGlite hands out views of its own memory: copy them before the next call (a worker's
        // answer is ours already).
        await this.#lite.execProtocolRawStream(bytes, {
          onRawData: (data) => {
            if (!internal) chunks.push(this.#lite.ownsAnswers ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data));
            if (this.#gate) tail = Buffer.concat([tail, data.subarray(-6)]).subarray(-6);
          },
        });
        if (this.#gate && endsTurn(batch.parts[batch.parts.length - 1]!) && readyStatus(tail) === 'I') this.#gate.leave(this);
        if (chunks.length) this.#bytes.emit('data', chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      })
      .catch((err: unknown) => {
        this.#gate?.leave(this);
        this.emit('error', err);
      });
  }

  /** Answer node-postgres as the engine would have, in order with the engine's answers. */
  #answer(msg: BackendMessage): void {
    this.#batch = null;
    this.#queue = this.#queue.then(() => this.#dispatch(msg));
  }

  /** Forget every prepared statement and close them in the engine (the answers are ours). */
  #dropPrepared(): void {
    const names = [...this.#prepared.values()];
    this.#prepared.clear();
    this.#seen = new Set();
    if (names.length) this.#send(Buffer.concat([...names.map((name) => serialize.close({ type: 'S', name })), serialize.sync()]), true);
  }

  /** How many statements are kept prepared (for tests). */
  get preparedCount(): number {
    return this.#prepared.size;
  }

  async connect(_port: number, _host: string): Promise<void> {
    this._connecting = true;
    await this.#lite.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // No network, no authentication: EmbeddedEngine accepts the one local user.
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
    if (this.#prepared.size && !KEEPS_PREPARED.test(text)) this.#dropPrepared();
    this.#send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.#target = '';
    if (query.name || !preparable(query.text)) return this.#send(serialize.parse(query));
    const name = this.#prepared.get(query.text);
    if (name) {
      this.#target = name;
      return this.#answer(parseComplete);
    }
    if (this.#seen.has(query.text) && this.#prepared.size < MAX_PREPARED) {
      this.#pending = { text: query.text, name: `concord_${++this.#names}` };
      this.#target = this.#pending.name;
      return this.#send(serialize.parse({ ...query, name: this.#pending.name }));
    }
    if (this.#seen.size >= MAX_SEEN) this.#seen = new Set();
    this.#seen.add(query.text);
    this.#send(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.#send(serialize.bind(!config?.statement && this.#target ? { ...config, statement: this.#target } : config));
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
    this.#batch = null;
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
export function pglitePoolConfig(lite: EmbeddedEngine, gate?: EngineGate) {
  return { connection: new PgliteConnection(lite, gate), max: 1, user: 'postgres', password: 'unused', database: 'postgres', host: 'localhost', port: 5432 };
}
