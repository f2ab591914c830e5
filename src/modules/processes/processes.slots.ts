import type { Kysely } from 'kysely';
import type { ComponentChildren } from 'preact';
import type { DB } from '../../platform/db/schema.js';
import type { PageCtx } from '../../platform/web/context.js';
import type { Process } from './processes.repository.js';
import type { ProcessDetail } from './processes.service.js';

/** What a section of the process page is given. */
export interface ProcessSectionInput {
  db: Kysely<DB>;
  ctx: PageCtx;
  process: Process;
  /** The process with its phases and stakeholder groups, as the page read it. */
  detail: ProcessDetail;
}

/** What a module's part of a template copy is told. */
export interface ProcessCopyInput {
  actorId: string | null;
  fromProcessId: string;
  toProcessId: string;
}

// The places on the process page and in the template copy that other modules fill through
// their manifests (platform/modules/slots.ts), so this module imports none of them.
declare module '../../platform/modules/slots.js' {
  interface SectionSlots {
    /** A section of the process page, with its own heading (working groups, meetings, calls, balance). */
    'process.sections': (input: ProcessSectionInput) => Promise<ComponentChildren>;
    /** The follow box near the top of the process page. */
    'process.follow': (input: ProcessSectionInput) => Promise<ComponentChildren>;
  }
  interface HookPoints {
    /**
     * Copy what a module holds of a template process into the new one, in the copy's
     * transaction; returns counts for the audit event (e.g. `{ groups: 3 }`).
     */
    'process.copy': (trx: Kysely<DB>, input: ProcessCopyInput) => Promise<Record<string, number>>;
  }
}
