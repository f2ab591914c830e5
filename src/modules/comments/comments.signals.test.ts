import { describe, expect, it } from 'vitest';
import { isDisposable, summariseSignals, type SignalCounts } from './comments.signals.js';
import { normaliseEmail, senderSignals } from './comments.sender.js';

const none: SignalCounts = { seconds: [], channels: [], domains: [], withSender: 0, disposable: 0, senders: [], sendersWithManyNames: 0 };
const at = (s: string) => new Date(`2026-03-01T10:00:${s}Z`);

describe('summariseSignals', () => {
  it('keeps the seconds holding at least the minimum (10 is in, 9 is out), the largest first, ties by time', () => {
    const s = summariseSignals(
      {
        ...none,
        channels: [{ channel: 'web', count: 100 }],
        seconds: [
          { second: at('05'), count: 12 },
          { second: at('01'), count: 9 },
          { second: at('03'), count: 40 },
          { second: at('02'), count: 12 },
          { second: at('04'), count: 10 },
        ],
      },
      { burstMin: 10, top: 10 },
    );
    expect(s.bursts.map((b) => [b.second.toISOString().slice(17, 19), b.count])).toEqual([
      ['03', 40],
      ['02', 12],
      ['05', 12],
      ['04', 10],
    ]);
    expect(s.bursts[0]!.share).toBeCloseTo(0.4);
  });

  it('lists at most `top` bursts', () => {
    const seconds = Array.from({ length: 8 }, (_, i) => ({ second: at(`0${i}`), count: 20 + i }));
    const s = summariseSignals({ ...none, seconds, channels: [{ channel: 'bulk', count: 500 }] }, { burstMin: 10, top: 3 });
    expect(s.bursts.map((b) => b.count)).toEqual([27, 26, 25]);
  });

  it('gives every channel in a fixed order with its share of all comments, zero when absent', () => {
    const s = summariseSignals({ ...none, channels: [{ channel: 'bulk', count: 3 }, { channel: 'web', count: 1 }] });
    expect(s.total).toBe(4);
    expect(s.channels).toEqual([
      { channel: 'web', count: 1, share: 0.25 },
      { channel: 'api', count: 0, share: 0 },
      { channel: 'bulk', count: 3, share: 0.75 },
    ]);
  });

  it('lists repeated domains only, most comments first, flags the disposable ones, and their share of known senders', () => {
    const s = summariseSignals({
      ...none,
      channels: [{ channel: 'api', count: 10 }],
      withSender: 8,
      disposable: 3,
      domains: [
        { domain: 'once.org', count: 1, senders: 1 },
        { domain: 'example.org', count: 4, senders: 4 },
        { domain: 'mailinator.com', count: 3, senders: 1 },
      ],
    });
    expect(s.domains).toEqual([
      { domain: 'example.org', count: 4, senders: 4, share: 0.5, disposable: false },
      { domain: 'mailinator.com', count: 3, senders: 1, share: 0.375, disposable: true },
    ]);
    expect(s.disposable).toEqual({ count: 3, share: 0.375 });
  });

  it('counts senders behind more than one name, the most names first, and says nothing of who they are', () => {
    const s = summariseSignals({
      ...none,
      sendersWithManyNames: 3,
      senders: [
        { names: 2, comments: 2 },
        { names: 5, comments: 9 },
        { names: 1, comments: 4 },
        { names: 2, comments: 7 },
      ],
    });
    expect(s.senders).toEqual({
      withManyNames: 3,
      largest: [
        { names: 5, comments: 9 },
        { names: 2, comments: 7 },
        { names: 2, comments: 2 },
      ],
    });
  });

  it('has no shares to divide when there are no comments', () => {
    const s = summariseSignals(none);
    expect(s.total).toBe(0);
    expect(s.channels.every((c) => c.share === 0)).toBe(true);
    expect(s.disposable.share).toBe(0);
  });
});

describe('isDisposable', () => {
  it('knows the listed domains and their subdomains, and nothing that merely ends like them', () => {
    expect(isDisposable('mailinator.com')).toBe(true);
    expect(isDisposable('EU.Mailinator.com')).toBe(true);
    expect(isDisposable('notmailinator.com')).toBe(false);
    expect(isDisposable('example.org')).toBe(false);
  });
});

describe('sender signals', () => {
  const key = Buffer.alloc(32, 7);

  it('normalises an address: case, spaces, sub-addressing; refuses what is not one', () => {
    expect(normaliseEmail(' Ana+Flood@Example.ORG ')).toBe('ana@example.org');
    expect(normaliseEmail('no-at-sign')).toBeNull();
    expect(normaliseEmail('@example.org')).toBeNull();
    expect(normaliseEmail('a@localhost')).toBeNull();
    expect(normaliseEmail('')).toBeNull();
    expect(normaliseEmail(undefined)).toBeNull();
    expect(normaliseEmail(`a@${'x'.repeat(3000)}.org`)).toBeNull();
  });

  it('keeps the domain and a keyed hash that is the same for one mailbox, differs per key, and holds no part of the address', () => {
    const a = senderSignals('Ana+1@Example.org', key);
    const b = senderSignals('ana@example.org', key);
    expect(a.sender_domain).toBe('example.org');
    expect(a.sender_hash).toBe(b.sender_hash);
    expect(a.sender_hash).toMatch(/^hmac1:[0-9a-f]{64}$/);
    expect(a.sender_hash).not.toContain('ana');
    expect(senderSignals('ana@example.org', Buffer.alloc(32, 8)).sender_hash).not.toBe(a.sender_hash);
    expect(senderSignals('bob@example.org', key).sender_hash).not.toBe(a.sender_hash);
    expect(senderSignals('not an email', key)).toEqual({ sender_domain: null, sender_hash: null });
  });
});
