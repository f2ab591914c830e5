// The part of pg-copy-streams 7 that copy.ts uses (the package ships no types).
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';

  /** A COPY … FROM STDIN in progress: a writable stream of COPY data, submitted with client.query(). */
  export interface CopyStreamQuery extends Writable {
    /** The rows PostgreSQL reports copied (its "COPY n" tag), set once the stream has finished. */
    rowCount: number;
    /** pg calls it to send the statement; present so the stream is a pg Submittable. */
    submit(connection: unknown): void;
  }

  /** Make the stream for a `COPY … FROM STDIN` statement. */
  export function from(text: string): CopyStreamQuery;
}
