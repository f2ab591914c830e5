// The embedded engine's own thread (see engine-thread.ts, which starts it and speaks for it on
// the main thread). Plain JavaScript, so that it loads as it is under `concord serve` (tsx),
// vitest and plain node alike: a TypeScript worker would need the loader set up again in the
// thread, which costs its start and depends on how the parent was launched.
//
// Messages in:  { id, op: 'protocol', bytes }   wire-protocol bytes → { id, bytes } (transferred)
//               { id, op: 'query', sql, params, blob }   a query, `blob` (ArrayBuffer) for COPY FROM '/dev/blob'
//               { id, op: 'exec', sql }        a simple-protocol script
//               { id, op: 'dump', compression }   dumpDataDir → { id, value } (an ArrayBuffer, transferred)
//               { id, op: 'close' }
// Messages out: { ready: true } once open, or { ready: false, error }; then { id, value } or { id, error }.
import { Blob } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

if (!parentPort) throw new Error('pglite-worker.js runs as a worker thread');
const port = parentPort;

/** An error as plain data: structured cloning keeps an Error's message but not PostgreSQL's fields (code, where, detail…). */
function plainError(err) {
  const out = { name: 'Error', message: String(err) };
  if (err && typeof err === 'object') {
    out.name = err.name ?? 'Error';
    out.message = err.message ?? String(err);
    out.stack = err.stack;
    for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

/** Run the wire-protocol bytes; the answer in one ArrayBuffer of its own (the engine's views are of its memory, reused by the next call). */
async function protocol(lite, bytes) {
  const chunks = [];
  let size = 0;
  await lite.execProtocolRawStream(bytes, {
    onRawData: (data) => {
      chunks.push(data.slice());
      size += data.length;
    },
  });
  if (chunks.length === 1) return chunks[0];
  const answer = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    answer.set(c, at);
    at += c.length;
  }
  return answer;
}

const { dataDir, loadDataDir } = workerData;
let lite;
try {
  lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
    extensions: { unaccent, pg_trgm },
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: plainError(err) });
}

// One message at a time, in order: the engine has one session, and the main thread's order is
// the order of the wire protocol.
let queue = Promise.resolve();
port.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      switch (msg.op) {
        case 'protocol': {
          const answer = await protocol(lite, msg.bytes);
          port.postMessage({ id: msg.id, value: answer }, [answer.buffer]);
          break;
        }
        case 'query': {
          const result = await lite.query(msg.sql, msg.params ?? [], msg.blob ? { blob: new Blob([msg.blob]) } : {});
          port.postMessage({ id: msg.id, value: { rows: result.rows, affectedRows: result.affectedRows, fields: result.fields } });
          break;
        }
        case 'exec': {
          const results = await lite.exec(msg.sql);
          port.postMessage({ id: msg.id, value: results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields })) });
          break;
        }
        case 'dump': {
          const blob = await lite.dumpDataDir(msg.compression);
          const buffer = await blob.arrayBuffer();
          port.postMessage({ id: msg.id, value: buffer }, [buffer]);
          break;
        }
        case 'close': {
          await lite.close();
          port.postMessage({ id: msg.id, value: null });
          port.close();
          break;
        }
        default:
          throw new Error(`unknown operation ${msg.op}`);
      }
    } catch (err) {
      port.postMessage({ id: msg.id, error: plainError(err) });
    }
  });
});
