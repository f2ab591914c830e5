import { describe, expect, it } from 'vitest';
import { demoRecords, demoSeedersInOrder, type SeedingModule } from './seeders.js';

const seed = async () => {};
/** A module with a demo seeder running after `after`, or one without a seeder. */
const m = (name: string, after?: string[]): SeedingModule => ({ name, demo: { ...(after ? { after } : {}), seed } });
const plain = (name: string): SeedingModule => ({ name });
const names = (ms: SeedingModule[]) => demoSeedersInOrder(ms).map((x) => x.name);

describe('demoSeedersInOrder', () => {
  it('runs each seeder after the ones it names, whatever the list order', () => {
    const order = names([m('accountability', ['recommendations']), m('recommendations', ['consensus']), m('consensus', ['processes']), m('processes')]);
    expect(order).toEqual(['processes', 'consensus', 'recommendations', 'accountability']);
  });

  it('keeps the list order where no dependency decides, and leaves out modules without a seeder', () => {
    const order = names([plain('health'), m('processes'), m('participants', ['processes']), plain('mail'), m('calls', ['participants']), m('groups', ['participants']), m('meetings', ['groups'])]);
    expect(order).toEqual(['processes', 'participants', 'calls', 'groups', 'meetings']);
    // Every seeder comes after each one it names.
    const ms = [m('d', ['b', 'c']), m('c', ['a']), m('b', ['a']), m('a'), m('e')];
    const got = names(ms);
    for (const x of ms) for (const dep of x.demo!.after ?? []) expect(got.indexOf(dep), `${dep} before ${x.name}`).toBeLessThan(got.indexOf(x.name));
    expect(got).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('refuses a cycle, naming the modules in it', () => {
    expect(() => names([m('processes'), m('documents', ['processes', 'comments']), m('comments', ['consensus']), m('consensus', ['documents'])])).toThrow(
      'The demo seeders wait on each other in a cycle: documents → comments → consensus → documents',
    );
    expect(() => names([m('groups', ['groups'])])).toThrow('cycle: groups → groups');
  });

  it('names the cycle, not the modules merely waiting on it', () => {
    expect(() => names([m('accountability', ['consensus']), m('consensus', ['comments']), m('comments', ['consensus'])])).toThrow('cycle: consensus → comments → consensus');
  });

  it('refuses a dependency on a module that is not installed, or has no seeder', () => {
    expect(() => names([m('processes'), m('groups', ['participant'])])).toThrow('The demo seeder of groups runs after participant, which is not an installed module');
    expect(() => names([plain('files'), m('documents', ['files'])])).toThrow('The demo seeder of documents runs after files, which has no demo seeder');
  });
});

describe('demoRecords', () => {
  it('refuses to read a record nobody made yet, naming it, and to record one twice', () => {
    const records = demoRecords();
    // The records are declared by the modules (DemoRecords augmentation); this test casts to
    // reach one by a name of its own.
    const r = records as unknown as { put(n: string, v: unknown): void; get(n: string): unknown };
    expect(() => r.get('people')).toThrow('The demo has no people yet');
    r.put('people', ['Camille']);
    expect(r.get('people')).toEqual(['Camille']);
    expect(() => r.put('people', [])).toThrow('The demo recorded people twice');
  });
});
