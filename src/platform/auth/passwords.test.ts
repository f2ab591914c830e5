import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('passwordProblem', () => {
  it('refuses short passwords', () => {
    expect(passwordProblem('short-pass1')).toBe('errors.password.tooShort');
  });
  it('refuses common passwords, also with digits added at the end', () => {
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('errors.password.common');
    expect(passwordProblem('password1234!')).toBe('errors.password.common');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('errors.password.common');
  });
  it('keeps the whole common-password list: entries from deep in its ~49,000 are refused', () => {
    // Positions in zxcvbn-ts's passwords-common (of 49,233): a list cut to its first
    // thousands, or to 40,000, lets these through.
    for (const late of ['ghbdtnrfrltkf' /* ~11,000th */, 'iseedeadpeople' /* ~20,100th */, 'systemofadown' /* ~40,000th */, 'zxcvbnmmnbvcxz' /* ~45,600th */, 'entertainment' /* ~48,400th */]) {
      expect(passwordProblem(late), late).toBe('errors.password.common');
    }
    expect(passwordProblem('Entertainment2024!')).toBe('errors.password.common');
    // …while a phrase of the same length that is on no list is accepted, so the refusals above are the list's.
    expect(passwordProblem('ghbdtnrfrltkq')).toBeUndefined();
  });
  it('refuses a password built on the email', () => {
    expect(passwordProblem('jeanne.tremblay-2019', { email: 'jeanne.tremblay@example.org' })).toBe('errors.password.personal');
  });
  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('a long passphrase here');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'a long passphrase here')).toBe(true);
    expect(await verifyPassword(h, 'a long passphrase HERE')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});
