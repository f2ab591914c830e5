import { Worker } from 'node:worker_threads';

/**
 * What the code asks of the embedded engine: a PGlite instance in this thread, or an
 * `EngineThread` speaking for one in a worker thread. node-postgres's connection
 * (pglite-connection.ts) and the CLI's socket (pglite-socket.ts) only send wire-protocol bytes;
 * COPY (copy.ts) runs one query with a blob; dumps (the demo image, backups) read the data folder.
 */
export interface EmbeddedEngine {
  readonly waitReady: Promise<void>;
  execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void>;
  query<T = unknown>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ affectedRows?: number; rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  dumpDataDir(compression?: 'gzip' | 'auto' | 'none'): Promise<Blob>;
  close(): Promise<void>;
  /**
   * Whether the bytes handed to onRawData are the caller's to keep. PGlite's are views of its
   * own memory, reused by the next call, so they must be copied; a worker's answer arrives in a
   * buffer of its own, and copying it again would be waste.
   */
  readonly ownsAnswers?: boolean;
}

/** How the worker opens PGlite: the same options as in-thread (client.ts). */
export interface EngineThreadOptions {
  /** PGlite's data folder; absent for an in-memory database. */
  dataDir?: string;
  /** A data folder dump to start from (PGlite's loadDataDir). */
  loadDataDir?: Blob;
}

type Reply = { id: number; value?: unknown; error?: PlainError };
type PlainError = { name: string; message: string; stack?: string } & Record<string, unknown>;

/** An Error again, with PostgreSQL's fields (code, where, detail…) that copy.ts and callers read. */
function revive(plain: PlainError): Error {
  const err = new Error(plain.message);
  Object.assign(err, plain);
  return err;
}

/**
 * PGlite in a worker thread, and this object speaking for it on the main thread with the
 * surface the rest of the code uses (EmbeddedEngine).
 *
 * Why: PGlite is WebAssembly, and runs in whichever thread calls it. In the server's own
 * thread, a statement that takes a second held every request for that second, /healthz
 * included (issue 10). In a worker, the main thread only posts bytes and waits for the answer
 * bytes: it keeps answering what does not need the database, and renders one page while the
 * engine reads for the next.
 *
 * Errors stay errors: a failed call rejects with the engine's error (its fields kept); a worker
 * that dies (an uncaught error, the thread killed) rejects every call pending and every later
 * one, so nothing waits forever.
 */
export class EngineThread implements EmbeddedEngine {
  readonly waitReady: Promise<void>;
  readonly ownsAnswers = true;
  /** The thread (for tests that kill it, and diagnostics). */
  readonly worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  #ids = 0;
  /** Why the thread is gone, once it is. */
  #gone: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: EngineThreadOptions, loadDataDir?: ArrayBuffer) {
    this.worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
      workerData: { dataDir: options.dataDir, loadDataDir },
      ...(loadDataDir ? { transferList: [loadDataDir] } : {}),
    });
    let ready!: () => void;
    let failed!: (err: Error) => void;
    this.waitReady = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    // Awaited by whoever needs the engine; never an unhandled rejection of its own.
    this.waitReady.catch(() => {});
    this.worker.on('message', (msg: Reply | { ready: boolean; error?: PlainError }) => {
      if ('ready' in msg) {
        if (this.#pending.size === 0) this.worker.unref();
        return msg.ready ? ready() : failed(revive(msg.error!));
      }
      const call = this.#pending.get(msg.id);
      if (!call) return;
      this.#pending.delete(msg.id);
      if (this.#pending.size === 0) this.worker.unref();
      if (msg.error) call.reject(revive(msg.error));
      else call.resolve(msg.value);
    });
    const stop = (err: Error) => {
      this.#gone ??= err;
      failed(this.#gone);
      for (const call of this.#pending.values()) call.reject(this.#gone);
      this.#pending.clear();
    };
    this.worker.on('error', (err) => stop(new Error(`the embedded database engine failed: ${err.message}`, { cause: err })));
    this.worker.on('exit', (code) => stop(new Error(`the embedded database engine stopped (thread exit code ${code})`)));
    // Like an idle socket, an idle engine does not keep the process alive (unref'd once ready
    // with nothing pending); opening it and a call in flight do.
  }

  /** Open PGlite in a new worker thread; resolves once the engine is ready, rejects if it could not open. */
  static async open(options: EngineThreadOptions): Promise<EngineThread> {
    const image = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const engine = new EngineThread(options, image);
    try {
      await engine.waitReady;
    } catch (err) {
      await engine.worker.terminate();
      throw err;
    }
    return engine;
  }

  #call<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#ids;
    return new Promise<T>((resolve, reject) => {
      if (this.#pending.size === 0) this.worker.ref();
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  async execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void> {
    // A copy of exactly the message, in a buffer of its own to hand over: node-postgres's
    // serializer writes into shared pool memory, which must not be transferred away.
    const bytes = new Uint8Array(message);
    const answer = await this.#call<Uint8Array>({ op: 'protocol', bytes }, [bytes.buffer]);
    if (answer.length) options.onRawData(answer);
  }

  async query<T = unknown>(sql: string, params: unknown[] = [], options: { blob?: Blob } = {}): Promise<{ affectedRows?: number; rows: T[] }> {
    const blob = options.blob ? await options.blob.arrayBuffer() : undefined;
    return this.#call({ op: 'query', sql, params, blob }, blob ? [blob] : []);
  }

  exec(sql: string): Promise<unknown> {
    return this.#call({ op: 'exec', sql });
  }

  async dumpDataDir(compression: 'gzip' | 'auto' | 'none' = 'auto'): Promise<Blob> {
    return new Blob([await this.#call<ArrayBuffer>({ op: 'dump', compression })]);
  }

  /** Close the engine (which writes its files out), then end the thread. */
  close(): Promise<void> {
    return (this.#closing ??= (async () => {
      try {
        if (!this.#gone) await this.#call({ op: 'close' });
      } finally {
        this.#gone ??= new Error('the embedded database engine is closed');
        await this.worker.terminate();
      }
    })());
  }
}
