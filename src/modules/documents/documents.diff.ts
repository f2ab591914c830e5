import { lcsPairs } from './documents.lcs.js';

/**
 * The difference between two versions of a document, aligned by anchor: blocks that keep
 * their anchor are compared word by word, blocks only in the newer version are added, blocks
 * only in the older one removed (shown where they used to be). Pure, so views and the API
 * present the same result.
 */

/** What the diff needs of a block. */
export interface DiffInput {
  anchor: string;
  label: string;
  source: string;
  plain: string;
}

/** A run of words, kept, inserted or deleted. */
export interface WordOp {
  op: 'eq' | 'ins' | 'del';
  text: string;
}

/** One block of the comparison. */
export interface BlockDiff {
  anchor: string;
  /** The label in the newer version (the older one's for a removed block). */
  label: string;
  status: 'same' | 'changed' | 'added' | 'removed' | 'moved';
  ops: WordOp[];
}

/** Paragraph-level counts: "12 paragraphs changed, 2 added, 1 removed". */
export interface DiffSummary {
  changed: number;
  added: number;
  removed: number;
  moved: number;
  same: number;
}

/** A whole comparison. */
export interface VersionDiff {
  blocks: BlockDiff[];
  summary: DiffSummary;
}

/**
 * Word-level diff of two texts, as merged runs; words are kept with the spaces after them.
 * @example diffWords('the red cat', 'the black cat')
 * // [{op:'eq',text:'the '},{op:'del',text:'red '},{op:'ins',text:'black '},{op:'eq',text:'cat'}]
 */
export function diffWords(before: string, after: string): WordOp[] {
  const a = before.match(/\S+/g) ?? [];
  const b = after.match(/\S+/g) ?? [];
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], word: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else ops.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b), [a.length, b.length] as [number, number]]) {
    while (i < pi) push('del', a[i++]!);
    while (j < pj) push('ins', b[j++]!);
    if (pi < a.length) push('eq', a[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  // Spaces between runs belong to the run before, so runs join back into readable text.
  return ops.map((o, k) => (k < ops.length - 1 ? { op: o.op, text: `${o.text} ` } : o));
}

/** Blocks with the same anchor in the same relative order, to tell moved blocks from kept ones. */
function inOrder(oldBlocks: readonly DiffInput[], newBlocks: readonly DiffInput[]): Set<string> {
  const newAnchors = new Set(newBlocks.map((b) => b.anchor));
  const oldAnchors = new Set(oldBlocks.map((b) => b.anchor));
  const a = oldBlocks.map((b) => b.anchor).filter((x) => newAnchors.has(x));
  const b = newBlocks.map((x) => x.anchor).filter((x) => oldAnchors.has(x));
  return new Set(lcsPairs(a, b).map(([i]) => a[i]!));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Compare two versions' blocks.
 * @example diffVersions(blocksOfV1, blocksOfV3).summary // { changed: 12, added: 2, removed: 1, moved: 0, same: 40 }
 */
export function diffVersions(oldBlocks: readonly DiffInput[], newBlocks: readonly DiffInput[]): VersionDiff {
  const oldByAnchor = new Map(oldBlocks.map((b) => [b.anchor, b]));
  const newAnchors = new Set(newBlocks.map((b) => b.anchor));
  const ordered = inOrder(oldBlocks, newBlocks);
  const summary: DiffSummary = { changed: 0, added: 0, removed: 0, moved: 0, same: 0 };

  // Removed blocks are shown after the kept block that preceded them in the older version.
  const removedAfter = new Map<string, DiffInput[]>();
  let lastKept = '';
  for (const b of oldBlocks) {
    if (newAnchors.has(b.anchor)) lastKept = b.anchor;
    else {
      const list = removedAfter.get(lastKept) ?? [];
      list.push(b);
      removedAfter.set(lastKept, list);
    }
  }
  const blocks: BlockDiff[] = [];
  const pushRemoved = (after: string) => {
    for (const r of removedAfter.get(after) ?? []) {
      summary.removed++;
      blocks.push({ anchor: r.anchor, label: r.label, status: 'removed', ops: [{ op: 'del', text: r.plain }] });
    }
  };
  pushRemoved('');
  for (const b of newBlocks) {
    const old = oldByAnchor.get(b.anchor);
    if (!old) {
      summary.added++;
      blocks.push({ anchor: b.anchor, label: b.label, status: 'added', ops: [{ op: 'ins', text: b.plain }] });
    } else if (squash(old.source) !== squash(b.source)) {
      summary.changed++;
      blocks.push({ anchor: b.anchor, label: b.label, status: 'changed', ops: diffWords(old.plain, b.plain) });
    } else {
      const status = ordered.has(b.anchor) ? 'same' : 'moved';
      summary[status]++;
      blocks.push({ anchor: b.anchor, label: b.label, status, ops: [{ op: 'eq', text: b.plain }] });
    }
    if (old) pushRemoved(b.anchor);
  }
  return { blocks, summary };
}
