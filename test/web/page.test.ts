// Pure helpers of the web page.
import { chooseLang, createRateLimiter, directionFor, escapeHtml, fillTemplate, interpolate, jsonForHtml } from '../../bot/web/page';

const AVAILABLE = ['de', 'en'];

test.each([
  // query, Accept-Language, expected
  ['en', 'de-DE,de;q=0.9', 'en'],
  ['EN-gb', undefined, 'en'],
  ['fr', 'en-US,en;q=0.9', 'en'],
  [undefined, 'en-US,en;q=0.9,de;q=0.8', 'en'],
  [undefined, 'fr-FR,fr;q=0.9,en;q=0.5,de;q=0.7', 'de'],
  [undefined, 'de;q=0.1, en;q=0.2', 'en'],
  [undefined, 'en;q=0, fr', 'de'],
  [undefined, '*', 'de'],
  [undefined, '', 'de'],
  [undefined, undefined, 'de'],
  [['en'], undefined, 'de'],
])('chooseLang(%p, %p) = %p', (query, accept, expected) => {
  expect(chooseLang(query, accept, AVAILABLE, 'de')).toBe(expected);
});

test.each([
  ['ar', undefined, 'rtl'],
  ['he-IL', undefined, 'rtl'],
  ['fa', undefined, 'rtl'],
  ['de', undefined, 'ltr'],
  ['en', 'rtl', 'rtl'],
  ['ar', 'ltr', 'ltr'],
  ['tr', 'sideways', 'ltr'],
])('directionFor(%p, %p) = %p', (lang, declared, expected) => {
  expect(directionFor(lang, declared)).toBe(expected);
});

test('escapeHtml escapes the five special characters', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('jsonForHtml cannot close the script element and parses back to the same value', () => {
  const value = { s: '</script><script>alert(1)</script> & \u2028' };
  const out = jsonForHtml(value);
  expect(out).not.toMatch(/<|>|&/);
  expect(JSON.parse(out)).toEqual(value);
});

test('interpolate fills known placeholders and rejects unknown ones with the place', () => {
  expect(interpolate('nach {{days}} Tagen, {{ minutes }} min', { days: 30, minutes: 60 }, 'f')).toBe('nach 30 Tagen, 60 min');
  expect(() => interpolate('{{nope}}', {}, 'locales/de/web.json: x')).toThrow('locales/de/web.json: x: unknown placeholder {{nope}}');
});

test('fillTemplate escapes {{x}}, keeps {{{x}}} raw, and fails on a missing value', () => {
  const tpl = '<p title="{{t.a}}">{{t.a}}</p>{{{raw}}}';
  expect(fillTemplate(tpl, { 't.a': '"<b>"', raw: '<i>ok</i>' }, 'tpl')).toBe('<p title="&quot;&lt;b&gt;&quot;">&quot;&lt;b&gt;&quot;</p><i>ok</i>');
  expect(() => fillTemplate('{{missing}}', {}, 'web/index.html')).toThrow('web/index.html: no value for {{missing}}');
});

test('the rate limiter counts per key within a window', () => {
  let t = 0;
  const over = createRateLimiter(2, 60_000, () => t);
  expect([over('a'), over('a'), over('a'), over('b')]).toEqual([false, false, true, false]);
  t = 59_999;
  expect(over('a')).toBe(true);
  t = 60_000;
  expect(over('a')).toBe(false);
});

describe('token bucket and address keys (issue 14)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTokenBucket, addressKey } = require('../../bot/web/page') as typeof import('../../bot/web/page');

  test('a burst, then the rate per minute; other keys are not affected', () => {
    let t = 0;
    const refused = createTokenBucket(6, 3, () => t);
    expect([refused('a'), refused('a'), refused('a'), refused('a')]).toEqual([false, false, false, true]);
    expect(refused('b')).toBe(false);
    t += 10_000; // one token per 10 s
    expect([refused('a'), refused('a')]).toEqual([false, true]);
  });

  test('the number of remembered keys is bounded', () => {
    const refused = createTokenBucket(1, 1, () => 0, 100);
    for (let i = 0; i < 1000; i++) refused(`k${i}`);
    expect(refused('k999')).toBe(true);
  });

  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
