import { afterValue } from '../../i18n/full-stop.js';

/**
 * A person's name as pages show it, with the staff badge beside it when the person is staff
 * where the page belongs (issue 10: "mark staff roles visibly where names appear"). The badge
 * comes from role facts the repository loaded, never from the name: someone who calls
 * themselves "Administrator" gets no badge, and the badge is its own element after the name,
 * so no name can draw one.
 */

/** Staff as a view model carries it: the installation's administrator, the process's convener, or nobody. */
export type StaffMark = 'admin' | 'convener' | null;

/** A name and its badge's text (already in the request's language), or no badge. */
export interface PersonNameModel {
  name: string;
  badge: { kind: 'admin' | 'convener'; label: string } | null;
}

/**
 * The model for a name: presenters call it with the request's `t` and the role fact the query loaded.
 * @example personName(ctx.t, 'Ada', 'convener') // { name: 'Ada', badge: { kind: 'convener', label: 'Convener' } }
 */
export function personName(t: (key: string) => string, name: string, staff: StaffMark | undefined): PersonNameModel {
  return { name, badge: staff ? { kind: staff, label: t(`staff.${staff}`) } : null };
}

/**
 * The name (escaped by Preact like any text) and, for staff, the badge after it.
 * @example <PersonName p={m.author} />
 */
export function PersonName({ p }: { p: PersonNameModel }) {
  return (
    <>
      <span class="person-name">{p.name}</span>
      <StaffBadge p={p} />
    </>
  );
}

/**
 * The badge alone (preceded by a space), for a name that sits inside a link the badge should stay out of.
 * @example <a href={c.path}>{c.author.name}</a><StaffBadge p={c.author} />
 */
export function StaffBadge({ p }: { p: PersonNameModel }) {
  if (!p.badge) return null;
  return (
    <>
      {' '}
      <span class={`staff-badge staff-badge--${p.badge.kind}`}>{p.badge.label}</span>
    </>
  );
}

/** A sentence naming a person, cut around the name so the badge can follow it inside the sentence. */
export interface NamedSentenceModel {
  before: string;
  /** The name as the sentence writes it, and its badge; the name is empty when it could not be cut out (the badge then follows `before`, which holds the name). */
  person: PersonNameModel;
  after: string;
}

/** Marks where the name ends in the translated text (an invisible separator, taken out of the name first). */
const NAME_END = '\u2063';

/**
 * Translate a message whose value `nameKey` is a person's name, and cut it around the name:
 * the messages stay whole sentences for translators ("… saved on {{date}} by {{author}}."),
 * and the badge still comes right after the name. The translators' rules at the seams (French
 * elision before the name, no doubled full stop after it) apply as for any value.
 * @example namedSentence(ctx.t, 'documents.versionLine', { n: 2, count: 3, date }, 'author', v.author)
 */
export function namedSentence(t: (key: string, values?: Record<string, unknown>) => string, key: string, values: Record<string, unknown>, nameKey: string, p: PersonNameModel): NamedSentenceModel {
  const name = p.name.replaceAll(NAME_END, '');
  const text = t(key, { ...values, [nameKey]: `${name}${NAME_END}` });
  const end = text.indexOf(NAME_END);
  if (end < 0) return { before: text, person: { name: '', badge: null }, after: '' };
  const after = afterValue(name, text.slice(end + NAME_END.length).replaceAll(NAME_END, ''));
  // French may have contracted the name's article into the word before it ("de Les …" → "des …").
  const start = text.slice(0, end).endsWith(name) ? end - name.length : end;
  return { before: text.slice(0, start), person: { name: text.slice(start, end), badge: p.badge }, after };
}

/**
 * The sentence with the name and its badge in place.
 * @example <p><NamedSentence s={m.versionLine} /></p>
 */
export function NamedSentence({ s }: { s: NamedSentenceModel }) {
  return (
    <>
      {s.before}
      {s.person.name ? <PersonName p={s.person} /> : <StaffBadge p={s.person} />}
      {s.after}
    </>
  );
}
