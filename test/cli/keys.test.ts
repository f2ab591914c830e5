import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../helpers/cli.js';

/** `concord keys list|rotate`, with the key secret generated in the data folder. */
const cli = new CliSandbox('keys');
const concord = (...args: string[]) => cli.run(...args);

beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

describe('concord keys', { timeout: 180_000 }, () => {
  it('rotates and lists keys, printing only public facts, with the secret kept in a private file', async () => {
    expect((await concord('keys', 'list')).out).toMatch(/^No signing key yet/);
    const first = await concord('keys', 'rotate');
    expect(first.code).toBe(0);
    const kid1 = /^New active key ([A-Za-z0-9_-]{43})$/.exec(first.out)![1]!;
    const second = await concord('keys', 'rotate');
    const m = /^New active key ([A-Za-z0-9_-]{43}); retired (\S+) \(still published/.exec(second.out)!;
    expect(m[2]).toBe(kid1);
    const list = (await concord('keys', 'list')).out.split('\n');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(new RegExp(`^${m[1]}\tactive\tcreated `));
    expect(list[1]).toMatch(new RegExp(`^${kid1}\tretired\tcreated .*\tretired `));

    const file = path.join(cli.dir, 'data', 'signing-key.secret');
    const secret = fs.readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(fs.statSync(file).mode & 0o077).toBe(0); // readable by its owner only
    expect(list.join('\n')).not.toContain(secret);
  });
});
