import { describe, expect, it } from 'vitest';
import { POLICIES, authorize, authorizeAll, can, canSee, type Action, type PolicyContext, type Rule } from './policies.js';
import type { Actor, InstallationRole, OrganisationRole, ProcessRole } from './roles.js';

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

/** Run a check with a made-up action in the table, removed afterwards. */
function withRule(rule: Rule, fn: (action: Action) => void) {
  const table = POLICIES as unknown as Record<string, Rule>;
  table['test.rule'] = rule;
  try {
    fn('test.rule' as Action);
  } finally {
    delete table['test.rule'];
  }
}

const orgRoles = (entries: [string, OrganisationRole[]][]) => new Map(entries.map(([o, r]) => [o, new Set(r)]));

describe('organisation and installation scopes', () => {
  it('lets an owner of the organisation manage who acts for it, and no one else but administrators', () => {
    const owner = actor({ organisationRoles: orgRoles([['o1', ['owner']]]) });
    expect(authorize(owner, 'organisation.manageRoles', { organisationId: 'o1' })).toEqual({ allowed: true });
    expect(authorize(owner, 'organisation.manageRoles', { organisationId: 'o2' })).toEqual({ allowed: false, reason: 'forbidden' });
    // No organisation in the context: an organisation role counts for nothing.
    expect(can(owner, 'organisation.manageRoles')).toBe(false);
    // Acting for it as a manufacturer is not owning it.
    expect(can(actor({ organisationRoles: orgRoles([['o1', ['manufacturer']]]) }), 'organisation.manageRoles', { organisationId: 'o1' })).toBe(false);
    // A process role in a process that happens to share the id is another scope.
    expect(can(actor({ processRoles: new Map([['o1', new Set<ProcessRole>(['convener'])]]) }), 'organisation.manageRoles', { organisationId: 'o1', processId: 'o1' })).toBe(false);
    expect(can(actor({ isAdmin: true }), 'organisation.manageRoles', { organisationId: 'o1' })).toBe(true);
    expect(authorize(null, 'organisation.manageRoles', { organisationId: 'o1' })).toEqual({ allowed: false, reason: 'signInRequired' });
  });

  it('keeps installation roles to administrators', () => {
    expect(can(actor({ installationRoles: new Set<InstallationRole>(['registrar']) }), 'installation.manageRoles')).toBe(false);
    expect(can(actor({ isAdmin: true }), 'installation.manageRoles')).toBe(true);
  });

  it('answers installation roles without any context, and only the roles listed', () => {
    withRule({ kind: 'roles', installation: ['registrar'] }, (action) => {
      expect(can(actor({ installationRoles: new Set<InstallationRole>(['registrar']) }), action)).toBe(true);
      expect(can(actor({ installationRoles: new Set<InstallationRole>(['registrar']) }), action, { organisationId: 'o1', processId: 'p1' })).toBe(true);
      expect(can(actor({ installationRoles: new Set<InstallationRole>(['assessor']) }), action)).toBe(false);
      expect(can(actor(), action)).toBe(false);
    });
  });

  it('mixes scopes: any one listed role, each in its own scope', () => {
    withRule({ kind: 'roles', process: ['convener'], group: ['chair'], organisation: ['manufacturer'], installation: ['registrar'] }, (action) => {
      const ctx: PolicyContext = { processId: 'p1', groupId: 'g1', organisationId: 'o1' };
      expect(can(actor({ processRoles: new Map([['p1', new Set<ProcessRole>(['convener'])]]) }), action, ctx)).toBe(true);
      expect(can(actor({ groupRoles: new Map([['g1', new Set(['chair' as const])]]) }), action, ctx)).toBe(true);
      expect(can(actor({ organisationRoles: orgRoles([['o1', ['manufacturer']]]) }), action, ctx)).toBe(true);
      expect(can(actor({ installationRoles: new Set<InstallationRole>(['registrar']) }), action, ctx)).toBe(true);
      // The same role names, held elsewhere or in the wrong scope, do not count.
      expect(can(actor({ organisationRoles: orgRoles([['o2', ['manufacturer']]]) }), action, ctx)).toBe(false);
      expect(can(actor({ processRoles: new Map([['p1', new Set<ProcessRole>(['manufacturer'])]]) }), action, ctx)).toBe(false);
      expect(can(actor({ installationRoles: new Set<InstallationRole>(['assessor']), organisationRoles: orgRoles([['o1', ['assessor']]]) }), action, ctx)).toBe(false);
    });
  });
});

describe('comment.import', () => {
  // Written out, role by role: who may import a file of comments into a process's period.
  const expected: Record<ProcessRole, boolean> = {
    convener: true,
    oversight: false,
    chair: false,
    member: false,
    moderator: true,
    reviewer: false,
    manufacturer: false,
    action_committee: false,
  };
  it('lets the process’s conveners and moderators import, in their own process only', () => {
    for (const [role, allowed] of Object.entries(expected) as [ProcessRole, boolean][]) {
      const a = actor({ processRoles: new Map([['p1', new Set([role])]]) });
      expect([role, can(a, 'comment.import', { processId: 'p1' })]).toEqual([role, allowed]);
      expect([role, can(a, 'comment.import', { processId: 'p2' })]).toEqual([role, false]);
    }
    expect(authorize(null, 'comment.import', { processId: 'p1' })).toEqual({ allowed: false, reason: 'signInRequired' });
    expect(can(actor(), 'comment.import', { processId: 'p1' })).toBe(false);
    expect(can(actor({ isAdmin: true }), 'comment.import', { processId: 'p1' })).toBe(true);
  });
});

describe('authorizeAll', () => {
  const owner = actor({ organisationRoles: orgRoles([['o1', ['owner', 'manufacturer']]]) });

  it('refuses a batch of 1,000 records when one belongs to an organisation the actor does not act for, naming it', () => {
    withRule({ kind: 'roles', organisation: ['manufacturer'] }, (action) => {
      const batch: PolicyContext[] = Array.from({ length: 1000 }, () => ({ organisationId: 'o1' }));
      batch[637] = { organisationId: 'o2' };
      const d = authorizeAll(owner, action, batch);
      expect(d).toEqual({ allowed: false, reason: 'forbidden', refused: [637], decided: 2 });
      // The same batch, all the actor's own: allowed, with one decision for the thousand.
      batch[637] = { organisationId: 'o1' };
      expect(authorizeAll(owner, action, batch)).toEqual({ allowed: true, decided: 1 });
    });
  });

  it('decides each distinct context once', () => {
    const calls: string[] = [];
    const counting = new Proxy(owner, {
      get(target, prop, receiver) {
        if (prop === 'organisationRoles') calls.push('read');
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    withRule({ kind: 'roles', organisation: ['manufacturer'] }, (action) => {
      const batch = Array.from({ length: 300 }, (_, i) => ({ organisationId: ['o1', 'o2', 'o3'][i % 3] }));
      const d = authorizeAll(counting, action, batch);
      expect(d.decided).toBe(3);
      expect(calls).toHaveLength(3);
      expect(d.allowed === false && d.refused.length).toBe(200);
    });
  });

  it('tells a signed-out visitor to sign in, and an unconfirmed account to confirm, whatever the records', () => {
    expect(authorizeAll(null, 'organisation.manageRoles', [{ organisationId: 'o1' }, { organisationId: 'o2' }])).toMatchObject({ allowed: false, reason: 'signInRequired', refused: [0, 1] });
    expect(authorizeAll(actor({ emailConfirmed: false }), 'organisation.create', [{ organisationId: 'o1' }])).toMatchObject({ allowed: false, reason: 'confirmEmail' });
  });

  it('decides an empty batch as a request with no context: roles in a scope refuse it', () => {
    expect(authorizeAll(owner, 'organisation.manageRoles', [])).toEqual({ allowed: false, reason: 'forbidden', refused: [], decided: 1 });
    expect(authorizeAll(actor({ isAdmin: true }), 'organisation.manageRoles', [])).toEqual({ allowed: true, decided: 1 });
  });

  it('lets administrators through every batch', () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({ organisationId: `o${i}`, processId: `p${i}` }));
    expect(authorizeAll(actor({ isAdmin: true }), 'organisation.manageRoles', batch)).toEqual({ allowed: true, decided: 50 });
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
