// Canary corpus: every message carries personal data that must not reach the staff store. Each
// canary value is checked to be gone after redaction, and the care words around it to stay.
import { redact } from '../../bot/staff/redact';
import { CANARIES } from './canaries';


test.each(CANARIES)('%s', (message, gone, kept) => {
  const out = redact(message);
  for (const g of gone) expect([g, out.includes(g)]).toEqual([g, false]);
  for (const k of kept) expect([k, out.includes(k)]).toEqual([k, true]);
});

test('a care question without personal data stays as it is', () => {
  const q = 'Wie viel Pflegegeld bekommt man bei Pflegegrad 3 ab 2025?';
  expect(redact(q)).toBe(q);
});

test('long texts are cut to 500 characters', () => {
  expect(redact('Pflege '.repeat(200)).length).toBeLessThanOrEqual(500);
});
