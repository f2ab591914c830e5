/** True while a meeting is under way: it has started and not yet ended. */
export function isLive(m: { starts_at: Date; ends_at: Date; status: string }, now: Date = new Date()): boolean {
  return m.status === 'scheduled' && m.starts_at.getTime() <= now.getTime() && now.getTime() <= m.ends_at.getTime();
}
