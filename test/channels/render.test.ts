// One reply, several channels: cards and buttons where they work, text with numbers elsewhere.
import { renderReply, channelProfile } from '../../bot/channels/render';
import { phoneToE164, type Reply } from '../../bot/channels/reply';

const reply: Reply = {
  text: 'Tagespflege – Saarn: 2 Angebote.',
  cards: [{ title: 'Tagespflege Beispiel', subtitle: 'Träger', lines: ['Musterweg 1'], actions: [
    { kind: 'call', title: 'Anrufen: 0208 455-5058', value: '0208 455-5058' },
    { kind: 'url', title: 'Webseite', value: 'https://example.org/' },
  ] }],
  suggestions: [{ kind: 'command', title: 'Weitere Angebote', value: 'offers:day_care:page:1' }, { kind: 'command', title: 'Warum diese?', value: 'why:day_care' }],
  footer: 'Stand: 25.11.2026 · Quelle: X',
};

test.each([
  ['webchat', 'rich'], ['directline', 'rich'], ['emulator', 'rich'], ['msteams', 'rich'],
  ['telegram', 'text'], ['facebook', 'text'], ['whatsapp', 'text'], ['sms', 'sms'], ['something-new', 'text'],
])('%s is %s', (id, profile) => expect(channelProfile(id)).toBe(profile));

test('web chat: hero card with a call button, suggested actions, footer in italics', () => {
  const a = renderReply(reply, 'webchat');
  expect(a.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
  const buttons = (a.attachments?.[0].content as { buttons: { type: string; value: string }[] }).buttons;
  expect(buttons[0]).toMatchObject({ type: 'call', value: 'tel:+492084555058' });
  expect(buttons[1]).toMatchObject({ type: 'openUrl', value: 'https://example.org/' });
  expect(a.suggestedActions?.actions.map((x) => x.title)).toEqual(['Weitere Angebote', 'Warum diese?']);
  expect(a.text).toContain('_Stand: 25.11.2026');
});

test('Teams: phone as a tel: link (no call action there)', () => {
  const a = renderReply(reply, 'msteams');
  const buttons = (a.attachments?.[0].content as { buttons: { type: string }[] }).buttons;
  expect(buttons[0].type).toBe('openUrl');
});

test('Telegram: text with the card written out, numbered options, and quick replies', () => {
  const a = renderReply(reply, 'telegram');
  expect(a.attachments).toBeUndefined();
  expect(a.text).toContain('1. Tagespflege Beispiel – Träger');
  expect(a.text).toContain('   ☎ 0208 455-5058');
  expect(a.text).toContain('   Webseite: https://example.org/');
  expect(a.text).toContain('(1) Weitere Angebote\n(2) Warum diese?');
  expect(a.suggestedActions?.actions).toHaveLength(2);
});

test('SMS: plain text only, no buttons at all', () => {
  const a = renderReply(reply, 'sms');
  expect(a.suggestedActions).toBeUndefined();
  expect(a.attachments).toBeUndefined();
  expect(a.text).toContain('https://example.org/');
  expect(a.text).toContain('Stand: 25.11.2026');
});

test.each([
  ['0208 455-5058', '+492084555058'],
  ['01520 9382325', '+4915209382325'],
  ['+49 208 1', '+492081'],
  ['0049 208 1', '+492081'],
  ['116 117', '116117'],
])('phoneToE164(%s) = %s', (a, b) => expect(phoneToE164(a)).toBe(b));

test('rich channels keep single line breaks (markdown hard breaks), paragraphs stay', () => {
  const a = renderReply({ text: 'Hilfe vor Ort:\n• A · 0208 1\n• B\n\nEnde' }, 'webchat');
  expect(a.text).toBe('Hilfe vor Ort:  \n• A · 0208 1  \n• B\n\nEnde');
});

describe('an answer\'s provenance', () => {
  const provenance = {
    short: 'Stand 11/2026 · Quellen (2)',
    details: [{ text: 'Gesetz [SGB XI]', url: 'https://www.gesetze-im-internet.de/sgb_11/' }, { text: 'Ratgeber' }, { text: 'Rechtsgrundlage: § 37 SGB XI' }],
    line: 'Stand 11/2026 · § 37 SGB XI · Quellen: gesetze-im-internet.de, Ratgeber',
  };
  const answer: Reply = { text: 'Pflegegeld gibt es ab Pflegegrad 2.', footer: provenance };

  test('web chat: the text is the answer alone; one card after it opens the full list in place', () => {
    const a = renderReply({ ...answer, cards: reply.cards }, 'webchat');
    expect(a.text).toBe('Pflegegeld gibt es ab Pflegegrad 2.');
    expect(a.attachments?.map((x) => x.contentType)).toEqual(['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.adaptive']);
    const card = a.attachments![1].content as { body: unknown[]; actions: { type: string; title: string; card: { body: { text: string }[] } }[] };
    expect(card.body).toEqual([]);
    expect(card.actions).toHaveLength(1);
    expect(card.actions[0]).toMatchObject({ type: 'Action.ShowCard', title: 'Stand 11/2026 · Quellen (2)' });
    expect(card.actions[0].card.body.map((b) => b.text)).toEqual([
      '[Gesetz SGB XI](https://www.gesetze-im-internet.de/sgb_11/)', 'Ratgeber', 'Rechtsgrundlage: § 37 SGB XI',
    ]);
  });

  test.each(['telegram', 'sms'])('%s: one line at the end instead of a button', (channel) => {
    const a = renderReply(answer, channel);
    expect(a.attachments).toBeUndefined();
    expect(a.text).toBe(`Pflegegeld gibt es ab Pflegegrad 2.\n\n${provenance.line}`);
  });
});
