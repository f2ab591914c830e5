import type { FastifyPluginAsync } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobDefinition } from '../jobs/define.js';
import type { DemoSeeder } from '../demo/seeders.js';
import type { HookPoints, SectionSlots } from './slots.js';

/** Rebuild one module's search entries for one process, in the caller's transaction; returns how many records. */
export type Reindexer = (trx: Kysely<DB>, processId: string) => Promise<number>;

/** A section a module adds to a page another module owns (see slots.ts). */
export type SectionContribution = {
  [S in keyof SectionSlots]: {
    slot: S;
    /** Lower comes first on the page. */
    order: number;
    render: SectionSlots[S];
  };
}[keyof SectionSlots];

/** A function a module lends another module's workflow (see slots.ts). */
export type HookContribution = {
  [H in keyof HookPoints]: { hook: H; run: HookPoints[H] };
}[keyof HookPoints];

/**
 * What a module brings to the installation, declared in its `module.ts`. The composition
 * (src/app/) loops over the list of manifests: the app registers the plugins, the worker
 * works the jobs, the migrator applies the migrations, `concord search reindex` runs the
 * reindexers, pages owned by other modules render the sections, the demo runs the seeders.
 * Adding a module means writing its manifest and adding it to src/app/modules.ts, nothing else.
 */
export interface ModuleManifest {
  /** The module's folder name under src/modules/. */
  name: string;
  /** JSON API plugins, registered under /api/v1. */
  api?: FastifyPluginAsync[];
  /** Page plugins, registered once per language under /en and /fr. */
  pages?: FastifyPluginAsync[];
  /** Plugins registered at the root (health checks, the OpenAPI document, /.well-known). */
  root?: FastifyPluginAsync[];
  /** Background work (pg-boss queues and their handlers). */
  jobs?: JobDefinition[];
  /** Migrations this module brings, by name; names sort after those already applied. */
  migrations?: Record<string, Migration>;
  /** Search kinds this module can rebuild for a process (`concord search reindex`). */
  reindex?: Record<string, Reindexer>;
  /** Sections for other modules' pages. */
  sections?: SectionContribution[];
  /** Functions lent to other modules' workflows. */
  hooks?: HookContribution[];
  /**
   * This module's part of the demo story (`concord seed --demo`, `npm start` on an empty
   * database), run after the seeders of the modules it names (platform/demo/seeders.ts).
   */
  demo?: DemoSeeder;
}

/**
 * Declare a module. Only its manifest and its index.ts are importable from outside it.
 * @example export default defineModule({ name: 'calls', api: [callsApi], pages: [callsPages] })
 */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}
