// The short-answer audit (bot/knowledge/shortAudit.ts) with the real word lists of
// knowledge/short-audit.json: which fact a question variant asks for, whether a short answer gives
// it, which entries it flags, and how kb:check reports it.
import * as fs from 'fs';
import * as path from 'path';
import {
  answerGives, auditFold, auditShortAnswers, compileShortAudit, kindsAsked, ShortAuditFileSchema, type ShortAuditFile,
} from '../../bot/knowledge/shortAudit';
import { checkKnowledge } from '../../bot/knowledge/check';
import { QuestionsFileSchema } from '../../bot/knowledge/schema';

const K = path.join(__dirname, '../../knowledge');
const file = ShortAuditFileSchema.parse(JSON.parse(fs.readFileSync(path.join(K, 'short-audit.json'), 'utf8')));
const { rules, problems } = compileShortAudit(file);
const kind = (id: string) => rules.kinds.find((k) => k.id === id)!;

test('the word lists compile and are written folded', () => {
  expect(problems).toEqual([]);
  expect(rules.kinds.map((k) => k.id)).toEqual(['amount', 'time', 'actor', 'yesno', 'kept']);
});

test('a pattern with a capital letter, an umlaut or a syntax error is a problem', () => {
  const bad: ShortAuditFile = { ...file, kinds: [{ ...file.kinds[0], ask: { de: ['Wie viel', 'für', '(offen'], en: ['how much'] } }] };
  const out = compileShortAudit(bad).problems.map((p) => p.message);
  expect(out).toEqual([expect.stringMatching(/not folded/), expect.stringMatching(/not folded/), expect.stringMatching(/does not compile/)]);
});

test('folding: lower case, ß as ss, umlauts without dots, English spellings kept', () => {
  expect(auditFold('Müssen Söhne für Väter zahlen? Straße')).toBe('mussen sohne fur vater zahlen? strasse');
  expect(auditFold('Does she')).toBe('does she');
});

describe('what a question variant asks for', () => {
  test.each<[string, 'de' | 'en', string[]]>([
    ['Wie viel Pflegegeld bekommt man bei Pflegegrad 3?', 'de', ['amount']],
    ['pflegegeld wieviel', 'de', ['amount']],
    ['Was kostet ein Hausnotruf?', 'de', ['amount']],
    ['How much is the relief amount?', 'en', ['amount']],
    ['Ab wann gibt es nach der Höherstufung mehr Pflegegeld?', 'de', ['time']],
    ['Wie lange darf man im Hospiz bleiben?', 'de', ['time']],
    ['From when does the office pay? When?', 'en', ['time']],
    ['Wer zahlt den Transport zur Kurzzeitpflege?', 'de', ['actor']],
    ['Wo kann ich das beantragen?', 'de', ['actor']],
    ['Who pays for the trip?', 'en', ['actor']],
    ['Darf mein Vater mit Demenz noch Auto fahren?', 'de', ['yesno']],
    ['Muss ich für meinen Bruder zahlen?', 'de', ['yesno']],
    ['Is he still allowed to drive?', 'en', ['yesno', 'kept']],
    // a story asks in its last sentence; a question word wins over the verb at the start
    ['Mama ist seit Januar im Heim. Ab wann zahlt das Sozialamt?', 'de', ['time']],
    ['Kann ich wissen, wie viel das kostet?', 'de', ['amount']],
    ['Bekommt sie das Pflegegeld im Heim weiter?', 'de', ['yesno', 'kept']],
    ['Pflegegeld Auszahlungstermin', 'de', []],
    ['Kurzzeitpflege ohne Pflegegrad', 'de', []],
  ])('%s (%s) → %j', (variant, lang, kinds) => {
    expect(kindsAsked(variant, lang, rules)).toEqual(kinds);
  });
});

describe('whether a short answer gives the fact', () => {
  test.each<[string, 'de' | 'en', string, boolean]>([
    ['amount', 'de', 'Bei Pflegegrad 3 sind es {{b.pflegegeld.3}} im Monat.', true],
    ['amount', 'de', 'Eine selbst ausgefüllte Vollmacht kostet nichts.', true],
    ['amount', 'de', 'Das hängt vom Vertrag ab.', false],
    ['amount', 'en', 'It depends on the contract.', false],
    ['time', 'de', 'Ab dem Monat, in dem der Antrag eingegangen ist.', true],
    ['time', 'de', 'Einen festen Zeitpunkt gibt es nicht; es hängt von Ihren Kräften ab.', true],
    ['time', 'de', 'Das entscheidet die Pflegekasse.', false],
    ['time', 'en', 'As soon as it learns of the need.', false],
    ['actor', 'de', 'Die Krankenkasse zahlt die Fahrt mit Verordnung.', true],
    ['actor', 'en', 'It is paid from the relief amount.', false],
    ['yesno', 'de', 'Nein, Geschwister müssen nicht zahlen.', true],
    ['yesno', 'de', 'Nur mit Zustimmung: Einschließen braucht ihre Einwilligung.', true],
    ['yesno', 'de', 'Geschwister schulden einander keinen Unterhalt.', false],
    // yes/no is judged on the first sentence only
    ['yesno', 'de', 'Die Diagnose beendet die Fahrerlaubnis nicht automatisch. Ja, sprechen Sie mit dem Arzt.', false],
    ['yesno', 'en', 'Yes, as long as the person can still drive safely.', true],
    // "Darf ich schon wieder beantragen?" answered "Sofort: …" / "Straight away: …" says yes (session 14)
    ['yesno', 'de', 'Sofort: Es gibt keine Sperrfrist für einen neuen Antrag.', true],
    ['yesno', 'de', 'Jederzeit, auch telefonisch.', true],
    ['yesno', 'en', 'Straight away: there is no waiting period.', true],
    ['yesno', 'de', 'Die Frist beginnt sofort.', false],
    ['kept', 'de', 'Mit dem Einzug ins Heim endet das Pflegegeld.', true],
    ['kept', 'de', 'Ja, Sie bekommen ihn auch mit Pflegedienst.', true],
    ['kept', 'de', 'Die Pflegekasse zahlt dann an das Heim.', false],
  ])('%s (%s): %s → %s', (id, lang, short, gives) => {
    expect(answerGives(kind(id), short, lang)).toBe(gives);
  });
});

const entry = (de: { q: string[]; short: string }, en: { q: string[]; short: string }) => QuestionsFileSchema.parse({
  questions: [{
    id: 'demo', topic: 'allowance', legal: ['§ 37 SGB XI'], sources: ['sgb11'], reviewed: '2026-12-07',
    de: { ...de, title: 'Titel', details: 'Mehr dazu steht hier.', next: 'Rufen Sie an.' }, en: { ...en, title: 'Title', details: 'More about it here.', next: 'Call them.' },
  }],
});

describe('which entries are flagged', () => {
  const askDe = ['Darf er noch Auto fahren?', 'Darf man mit Demenz fahren?', 'Demenz Führerschein', 'Autofahren Alzheimer erlaubt?', 'Muss er den Führerschein abgeben?'];
  const askEn = ['May he still drive?', 'Can people with dementia drive?', 'dementia driving licence', 'driving with Alzheimer allowed?', 'Must he give up his licence?'];

  test('a yes/no entry whose short answers give no yes or no, in each language', () => {
    const found = auditShortAnswers(entry({ q: askDe, short: 'Die Diagnose beendet die Fahrerlaubnis nicht automatisch.' },
      { q: askEn, short: 'Yes, at first: the diagnosis does not end the licence.' }), rules);
    expect(found.map((f) => [f.entry, f.lang, f.field, f.kind, f.asking, f.variants])).toEqual([['demo', 'de', 'short', 'yesno', 6, 10]]);
    expect(found[0].message).toMatch(/6 of 10 variants ask for a yes or no, but the German short answer does not give it/);
  });

  test('no finding once the short answer says it', () => {
    expect(auditShortAnswers(entry({ q: askDe, short: 'Ja, solange er sicher fährt.' }, { q: askEn, short: 'Yes, as long as he drives safely.' }), rules)).toEqual([]);
  });

  test('the answer shown when the grade is known (shortWithGrade) must give it too', () => {
    const f = entry({ q: askDe, short: 'Ja, solange er sicher fährt.' }, { q: askEn, short: 'Yes, as long as he drives safely.' });
    f.questions[0].de.shortWithGrade = 'Bei Pflegegrad {{grade}} gilt dasselbe.';
    f.questions[0].en.shortWithGrade = 'Yes, at care grade {{grade}} too.';
    const found = auditShortAnswers(f, rules);
    expect(found.map((x) => [x.lang, x.field, x.kind])).toEqual([['de', 'shortWithGrade', 'yesno']]);
    expect(found[0].message).toMatch(/German shortWithGrade does not give it/);
  });

  test('a kind asked by too few variants is not audited (one "wie viel" among keywords)', () => {
    const q = ['Wie viel kostet das?', 'Tagespflege Kosten', 'Tagespflege Rechnung', 'Tagespflege Eigenanteil', 'Tagespflege Essen', 'Tagespflege Fahrt'];
    expect(auditShortAnswers(entry({ q, short: 'Das hängt vom Vertrag ab.' }, { q: q.map((x) => `${x} en`), short: 'It depends.' }), rules)).toEqual([]);
  });

  test('amounts asked by most variants must be given', () => {
    const q = ['Wie viel Geld gibt es?', 'Wie hoch ist der Betrag?', 'Was kostet das?', 'Betrag', 'Höhe'];
    const qe = ['How much is it?', 'How high is it?', 'amount', 'sum', 'what figure'];
    const found = auditShortAnswers(entry({ q, short: 'Das hängt vom Vertrag ab.' }, { q: qe, short: 'It is {{b.entlastungsbetrag}} a month.' }), rules);
    expect(found.map((f) => [f.lang, f.kind, f.severity])).toEqual([['de', 'amount', 'error']]);
  });
});

describe('kb:check reports the audit', () => {
  const report = checkKnowledge(K, { now: new Date('2026-12-07T12:00:00Z') });

  test('with a count per kind, and no error: no entry asks for an amount without giving one', () => {
    const summary = report.issues.find((i) => i.code === 'short_audit');
    expect(summary?.message).toMatch(/^short answers that may miss the asked fact: \d+ entries \(amount 0, time \d+, actor \d+, yesno \d+, kept \d+\)$/);
    expect(report.issues.filter((i) => i.code.startsWith('short_') && i.severity === 'error')).toEqual([]);
  });

  test('the entries sharpened in session 13 are no longer flagged', () => {
    const flagged = new Set(report.issues.filter((i) => /^short_(?!audit)/.test(i.code)).map((i) => i.message.split(':')[0]));
    for (const id of ['dementia_driving', 'social_assistance_broadcast_fee', 'objection_by_email', 'legal_poa_after_death', 'work_leave_small_employer',
      'allowance_not_income', 'social_assistance_from_when', 'carer_pension_conditions', 'work_leave_relative_in_nursing_home']) {
      expect([id, flagged.has(id)]).toEqual([id, false]);
    }
  });
});
