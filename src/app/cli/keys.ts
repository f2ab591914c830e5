import type { Command } from 'commander';
import { withDatabase } from './with-db.js';

/**
 * Add `concord keys list` and `concord keys rotate`: the installation's signing keys. Only
 * public facts are printed (kid, status, dates); a private key never leaves the database,
 * where it is stored encrypted.
 * @example registerKeysCommand(cli, out)
 */
export function registerKeysCommand(cli: Command, out: (s: string) => void): void {
  const keys = cli.command('keys').description('signing keys (Ed25519, published at /.well-known/jwks.json)');
  keys
    .command('list')
    .description('list signing keys, newest first')
    .action(() =>
      withDatabase(async ({ db }) => {
        const { listKeys } = await import('../../platform/signing/index.js');
        const rows = await listKeys(db);
        if (!rows.length) out('No signing key yet: one is made on first use, or run `concord keys rotate`.');
        for (const k of rows) {
          out(`${k.kid}\t${k.status}\tcreated ${k.createdAt.toISOString()}${k.retiredAt ? `\tretired ${k.retiredAt.toISOString()}` : ''}`);
        }
      }),
    );
  keys
    .command('rotate')
    .description('make a new active key and retire the current one (its public key stays published)')
    .action(() =>
      withDatabase(async ({ db }) => {
        const { rotateKeys } = await import('../../platform/signing/index.js');
        const r = await rotateKeys(db);
        out(`New active key ${r.kid}${r.retired ? `; retired ${r.retired} (still published, old signatures keep verifying)` : ''}`);
      }),
    );
}
