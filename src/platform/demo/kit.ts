/**
 * What several modules' demo seeders share: a deterministic random sequence, the actor a demo
 * person acts as, the fictional names people are made from, and French spacing for the texts.
 */
import type { User } from '../db/schema.js';
import type { Actor, ProcessRole } from '../auth/roles.js';
import { frenchSpacing } from '../i18n/french-spacing.js';

/** A deterministic pseudo-random sequence, so the demo is the same on every install. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A demo person as if they were signed in (email confirmed): an administrator, or someone
 * holding these roles in one process (none at all when `in` is left out).
 * @example demoActor(user, { in: process.id, roles: ['member'] })
 */
export function demoActor(u: User, opts: { admin?: boolean; in?: string; roles?: ProcessRole[] } = {}): Actor {
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    lang: u.preferred_lang,
    emailConfirmed: true,
    isAdmin: opts.admin ?? false,
    processRoles: new Map(opts.in === undefined ? [] : [[opts.in, new Set(opts.roles ?? [])]]),
    groupRoles: new Map(),
    organisationRoles: new Map(),
    installationRoles: new Set(),
  };
}

/**
 * Names demo people are made from, combined from common Canadian first and last names; no real
 * person is meant.
 */
export const FIRST_NAMES = [
  'Amélie', 'Aaron', 'Priya', 'Marc-André', 'Chloé', 'Daniel', 'Fatima', 'Gabriel', 'Hannah', 'Isabelle', 'Jamal', 'Karine', 'Liam', 'Mei', 'Nathalie',
  'Olivier', 'Pascale', 'Raj', 'Sophie', 'Thomas', 'Valérie', 'William', 'Xavier', 'Yasmine', 'Zoé', 'Benoît', 'Catherine', 'Dmitri', 'Élise', 'Farid',
  'Geneviève', 'Hiro', 'Inès', 'Jean-Philippe', 'Kwame', 'Léa', 'Mathieu', 'Noor', 'Owen', 'Rosalie', 'Samuel', 'Tanya', 'Ugo', 'Victoria', 'Wei',
];
export const LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque',
  'Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Anderson', 'Singh', 'Nguyen', 'Chen', 'Patel', 'Martin', 'Thompson', 'Leblanc', 'Sauvé', 'Okafor',
  'Kowalski', 'Haddad', 'Ferreira', 'Bergeron', 'Nadeau', 'Paquette', 'Wong', 'Kaur', 'Ahmed', 'Dubois', 'Robichaud',
];

/** The ASCII form of a name for an email address. */
export function emailLocal(first: string, last: string, n: number): string {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return `${ascii(first)}.${ascii(last)}${n}`;
}

/**
 * French spacing for the demo texts, which write ordinary spaces before : ; ? ! and inside « »
 * so they stay readable: the same rule as the French messages (i18n/french-spacing.ts).
 */
export const frenchTypography = frenchSpacing;

/** The instant `days` days (may be fractional or negative) after `from`: the live process's dates. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + Math.round(days * 86_400_000));
}

/** The UTC day of an instant, 'YYYY-MM-DD' (phase dates of the live process). */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
