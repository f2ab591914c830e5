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
