/**
 * Rows that never change once written, kept in memory per database.
 *
 * Some rows are immutable by rule, not by habit: a document version and its blocks are
 * protected by a trigger that refuses every update and delete (migration 0006). Reading them
 * again for every page costs a query and, on the embedded database, a conversion of every
 * field of every row; keeping them is safe across app servers, because no server can change
 * them. Only such rows belong here: anything that can change (a name, a count, a status)
 * would be served stale.
 *
 * One cache per database handle (the app's Kysely instance; a transaction gets its own, which
 * ends with it) so that tests running several databases in one process never share entries.
 * Least recently used entries are dropped beyond a total weight (roughly, characters held).
 */
export class ImmutableCache<V> {
  readonly #byDb = new WeakMap<object, Map<string, { value: V; weight: number }>>();
  readonly #weights = new WeakMap<object, number>();

  /**
   * @param maxWeight the most weight kept per database before the oldest entries go
   * @param weigh the weight of a value (e.g. the characters it holds)
   */
  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /**
   * The value for `key` in `db`: kept, or loaded and then kept. A value `keep` refuses (say, an
   * empty list, which could also mean "not written yet") is returned without being kept.
   */
  async get(db: object, key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    let entries = this.#byDb.get(db);
    const hit = entries?.get(key);
    if (hit && entries) {
      // Most recently used last: a Map iterates in insertion order.
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = await load();
    if (!keep(value)) return value;
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return value;
    if (!entries) this.#byDb.set(db, (entries = new Map<string, { value: V; weight: number }>()));
    if (entries.has(key)) return value;
    entries.set(key, { value, weight });
    let total = (this.#weights.get(db) ?? 0) + weight;
    for (const [k, e] of entries) {
      if (total <= this.maxWeight) break;
      entries.delete(k);
      total -= e.weight;
    }
    this.#weights.set(db, total);
    return value;
  }

  /** How many entries are kept for `db` (for tests). */
  size(db: object): number {
    return this.#byDb.get(db)?.size ?? 0;
  }
}
