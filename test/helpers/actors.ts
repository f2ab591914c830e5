import type { Actor, GroupRole, ProcessRole } from '../../src/platform/auth/roles.js';
import { tFor, type Lang } from '../../src/platform/i18n/i18n.js';
import type { ModelCtx } from '../../src/platform/web/context.js';

/**
 * An actor for unit tests: a confirmed account with no roles unless given some.
 * @example anActor({ process: { p1: ['convener'] } })     // a convener of process p1
 * @example anActor({ group: { g1: ['chair'] } })          // the chair of working group g1
 */
export function anActor(opts: { admin?: boolean; confirmed?: boolean; process?: Record<string, ProcessRole[]>; group?: Record<string, GroupRole[]> } = {}): Actor {
  return {
    userId: 'user-1',
    name: 'Test Person',
    email: 'person@example.org',
    lang: 'en',
    emailConfirmed: opts.confirmed ?? true,
    isAdmin: opts.admin ?? false,
    processRoles: new Map(Object.entries(opts.process ?? {}).map(([id, roles]) => [id, new Set(roles)])),
    groupRoles: new Map(Object.entries(opts.group ?? {}).map(([id, roles]) => [id, new Set(roles)])),
    organisationRoles: new Map(),
    installationRoles: new Set(),
  };
}

/** What a page presenter takes from a request, for a reader in `lang` (signed out unless `actor`). */
export function modelCtx(lang: Lang, actor: Actor | null = null): ModelCtx {
  return { lang, t: tFor(lang), actor };
}
