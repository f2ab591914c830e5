import { describe, expect, it } from 'vitest';
import { modelCtx } from '../../../test/helpers/actors.js';
import type { User } from '../../platform/db/schema.js';
import { accountPage } from './accounts.page-presenter.js';

const user = {
  id: 'u1',
  name: 'Camille Tremblay',
  email: 'camille@example.org',
  email_confirmed_at: new Date('2024-03-01T15:00:00Z'),
  created_at: new Date('2024-02-29T15:00:00Z'),
} as User;

describe('accountPage', () => {
  it('formats the days in fr-CA for a French reader and lists the roles held', () => {
    expect(accountPage({ user, roles: [{ role: 'member', process_id: 'p1' }] }, modelCtx('fr'))).toEqual({
      name: 'Camille Tremblay',
      email: 'camille@example.org',
      confirmedOn: '1er mars 2024',
      memberSince: '29 février 2024',
      roles: ['member'],
      resendAction: null,
    });
  });
  it('offers to send the confirmation again while the email is not confirmed', () => {
    const m = accountPage({ user: { ...user, email_confirmed_at: null }, roles: [] }, modelCtx('en'));
    expect([m.confirmedOn, m.resendAction, m.memberSince]).toEqual([null, '/en/account/resend-confirmation', 'February 29, 2024']);
  });
});
