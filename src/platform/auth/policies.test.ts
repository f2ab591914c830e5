import { describe, expect, it } from 'vitest';
import { POLICIES, authorize, can, canSee, type Action } from './policies.js';
import type { Actor, ProcessRole } from './roles.js';

function actor(over: Partial<Actor> = {}): Actor {
  return { userId: 'u', name: 'U', email: 'u@x', lang: 'en', emailConfirmed: true, isAdmin: false, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set(), ...over };
}

describe('authorize', () => {
  it('asks anonymous visitors to sign in for account actions, and lets them register', () => {
    expect(authorize(null, 'account.signOut')).toEqual({ allowed: false, reason: 'signInRequired' });
    expect(can(null, 'account.register')).toBe(true);
  });

  it('keeps the outbox to administrators', () => {
    expect(authorize(actor(), 'admin.readOutbox')).toEqual({ allowed: false, reason: 'forbidden' });
    expect(can(actor({ isAdmin: true }), 'admin.readOutbox')).toBe(true);
  });

  it('gives administrators every action in the table', () => {
    for (const action of Object.keys(POLICIES) as Action[]) expect(can(actor({ isAdmin: true }), action)).toBe(true);
  });

  it('scopes process roles to their own process', () => {
    // A rule with process roles is checked directly, since no such action exists until processes do.
    const roles = new Map<string, Set<ProcessRole>>([['p1', new Set(['chair'])]]);
    const rule = { kind: 'roles', process: ['chair'] } as const;
    const table = POLICIES as unknown as Record<string, typeof rule>;
    table['test.chairOnly'] = rule;
    try {
      expect(can(actor({ processRoles: roles }), 'test.chairOnly' as Action, { processId: 'p1' })).toBe(true);
      expect(can(actor({ processRoles: roles }), 'test.chairOnly' as Action, { processId: 'p2' })).toBe(false);
      expect(can(actor({ processRoles: roles }), 'test.chairOnly' as Action)).toBe(false);
    } finally {
      delete table['test.chairOnly'];
    }
  });
});

describe('canSee', () => {
  const membersOnly = { processId: 'p1', membersOnly: true };
  it('shows public records to everyone, signed out included', () => {
    expect(canSee(null, { processId: 'p1', membersOnly: false })).toBe(true);
    expect(canSee(actor(), { processId: 'p1', membersOnly: false })).toBe(true);
  });

  it('shows members-only records to anyone with a role in that process and to administrators, to no one else', () => {
    expect(canSee(null, membersOnly)).toBe(false);
    expect(canSee(actor(), membersOnly)).toBe(false);
    expect(canSee(actor({ processRoles: new Map([['p2', new Set<ProcessRole>(['member'])]]) }), membersOnly)).toBe(false);
    expect(canSee(actor({ processRoles: new Map([['p1', new Set<ProcessRole>(['member'])]]) }), membersOnly)).toBe(true);
    expect(canSee(actor({ processRoles: new Map([['p1', new Set<ProcessRole>(['moderator'])]]) }), membersOnly)).toBe(true);
    expect(canSee(actor({ isAdmin: true }), membersOnly)).toBe(true);
  });
});
