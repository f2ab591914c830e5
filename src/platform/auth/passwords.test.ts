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
