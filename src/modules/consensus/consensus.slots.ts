import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { hooksFor } from '../../platform/modules/registry.js';

/** A recommendation as a consensus call sees it: something to call consensus on. */
export interface RecommendationSubject {
  id: string;
  number: string;
  titleEn: string;
  titleFr: string;
  groupId: string | null;
}

// Calls can be about recommendations, which are the recommendations module's; that module
// lends these through its manifest, so consensus does not import it (recommendations builds
// on consensus, not the other way round).
declare module '../../platform/modules/slots.js' {
  interface HookPoints {
    /** The recommendations of a process, in their order. */
    'consensus.recommendations': (db: Kysely<DB>, processId: string) => Promise<RecommendationSubject[]>;
    /** A recommendation's page, without the language prefix. */
    'consensus.recommendationPath': (processSlug: string, number: string) => string;
  }
}

/** The process's recommendations, or none when no module provides them. */
export async function recommendationsOf(db: Kysely<DB>, processId: string): Promise<RecommendationSubject[]> {
  const [list] = hooksFor('consensus.recommendations');
  return list ? list(db, processId) : [];
}

/** A recommendation's page, or null when no module provides recommendations. */
export function recommendationHref(processSlug: string, number: string): string | null {
  const [path] = hooksFor('consensus.recommendationPath');
  return path ? path(processSlug, number) : null;
}
