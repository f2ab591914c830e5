import fs from 'node:fs';
import path from 'node:path';

const srcDir = path.resolve(import.meta.dirname, '../../src');

/**
 * Every action the source records (tests excluded): each `action: '…'` literal in a file that
 * calls recordAudit, and the fixed start of each template action (`comment.report.${…}`).
 */
export function recordedActions(): { literals: Set<string>; prefixes: Set<string> } {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!text.includes('recordAudit(')) continue;
        for (const m of text.matchAll(/action: (?:[^,}]*\? )?'([a-zA-Z.]+)'(?: : '([a-zA-Z.]+)')?/g)) {
          literals.add(m[1]!);
          if (m[2]) literals.add(m[2]);
        }
        for (const m of text.matchAll(/action: `([a-zA-Z.]+)\$\{/g)) prefixes.add(m[1]!);
      }
    }
  };
  walk(srcDir);
  return { literals, prefixes };
}
