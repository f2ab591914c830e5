import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id; its enum is `const` and cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2;
import { dictionary } from '@zxcvbn-ts/language-common';

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer than this is refused before hashing, so a megabyte password cannot tie up a core. */
export const MAX_PASSWORD_LENGTH = 256;

// The 49,000 most common passwords from zxcvbn-ts's list (MIT), plus words people reach for
// on this site. Held in a Set: lookups are constant time.
const COMMON = new Set<string>([
  ...dictionary['passwords-common'],
  'concordconcord',
  'iotsecurity',
  'enhancingiotsecurity',
  'multistakeholder',
  'motdepasse',
  'changeme',
]);

/** Why a password was refused, as an i18n key; undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'errors.password.tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'errors.password.tooLong';
  const lower = password.toLowerCase();
  // "password1234!" is as weak as "password": strip the digits and symbols people add at the end.
  const core = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core))) return 'errors.password.common';
  if (/^(.)\1+$/u.test(password)) return 'errors.password.common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || (context.name && lower === context.name.toLowerCase())) {
    return 'errors.password.personal';
  }
  return undefined;
}

/** Hash with argon2id (OWASP's recommended parameters: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Check a password against a stored hash; false for any malformed hash rather than throwing. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are registered. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}
