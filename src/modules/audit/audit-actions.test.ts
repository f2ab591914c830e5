import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tFor } from '../../platform/i18n/i18n.js';
import { ACTION_PREFIXES, KNOWN_ACTIONS, actionKey } from './audit-actions.js';

const srcDir = path.resolve(import.meta.dirname, '../..');
/** Every `action: '…'` literal passed to recordAudit in the source (tests excluded). */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!text.includes('recordAudit(')) continue;
        for (const m of text.matchAll(/action: (?:[^,}]*\? )?'([a-zA-Z.]+)'(?: : '([a-zA-Z.]+)')?/g)) {
          found.add(m[1]!);
          if (m[2]) found.add(m[2]);
        }
      }
    }
  };
  walk(srcDir);
  return found;
}

describe('audit action sentences', () => {
  it('knows every action string the code records', () => {
    const recorded = recordedActions();
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
