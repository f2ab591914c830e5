import { describe, expect, it } from 'vitest';
import { tFor } from '../../platform/i18n/i18n.js';
import { ACTION_PREFIXES, KNOWN_ACTIONS, actionKey } from './audit-actions.js';
import { recordedActions } from '../../../test/helpers/recorded-actions.js';

describe('audit action sentences', () => {
  it('knows every action string the code records', () => {
    const recorded = recordedActions().literals;
    expect(recorded.size).toBeGreaterThan(40);
    const missing = [...recorded].filter((a) => !actionKey(a) && a !== 'step' && a !== 'race');
    expect(missing).toEqual([]);
  });

  it('tells each known action and prefix in both languages, and falls back for others', () => {
    for (const lang of ['en', 'fr'] as const) {
      const t = tFor(lang);
      for (const a of KNOWN_ACTIONS) expect(t(actionKey(a)!), `${lang} ${a}`).not.toBe(actionKey(a));
      for (const p of ACTION_PREFIXES) expect(t(`audit.prefixes.${p.slice(0, -1)}`)).not.toMatch(/^audit\./);
    }
    expect(actionKey('made.up')).toBeUndefined();
    expect(tFor('fr')('audit.actions.generic', { action: 'made.up' })).toBe('A consigné «\u00a0made.up\u00a0»');
  });
});
