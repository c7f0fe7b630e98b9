// Command words are data (locales/<lng>/commands.json): one lexicon for every language, checked at
// start-up with file and line, and a third language needs only its file.
import * as fs from 'fs';
import * as path from 'path';
import { compileLexicon, loadLexicon, readCommandsFile, WORD_LISTS, type WordList } from '../../bot/nlu/lexicon';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { mainDialogClient, ROOT, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import type { App } from '../../bot/app';
import { tempDir } from '../helpers/tmp';
import { percentFrom } from '../../bot/care/benefitsText';
import { bareStatement, deadlineRule } from '../../bot/conversation/answerFirst';
import { asksForOffers } from '../../bot/conversation/local';
import { aspectOf, pointsBack, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { extractFacts } from '../../bot/nlu/facts';
import { aspectSentences } from '../../bot/conversation/aspects';
import { asksLeft } from '../../bot/conversation/budget';
import type { AnswerContext } from '../../bot/conversation/answers';
import type { LayeredAnswer } from '../../bot/knowledge/kb';

const LOCALES = path.join(ROOT, 'locales');
const words = loadLexicon(LOCALES);

/** A copy of the project's locales with one more language folder holding only commands.json. */
function localesWith(lng: string, commands: unknown): string {
  const dir = tempDir('pn-locales-');
  fs.cpSync(LOCALES, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, lng));
  fs.writeFileSync(path.join(dir, lng, 'commands.json'), typeof commands === 'string' ? commands : JSON.stringify(commands, null, 2));
  return dir;
}

describe('the project lexicon', () => {
  test.each<[WordList, string, boolean]>([
    ['cancel', 'abbrechen', true], ['cancel', 'Cancel', true], ['cancel', 'stop', true], ['cancel', 'stopp', true], ['cancel', 'beenden', true],
    ['cancel', 'abbrechen bitte nicht', false],
    ['menu', 'Menü', true], ['menu', 'start over', true], ['menu', 'start', false], ['menu_outside_dialog', 'start', true],
    ['help', '?', true], ['help', 'Was kann ich hier tun', true], ['help', 'what can i do', true], ['help', 'hilfe mir', false],
    ['more', 'erzähl mir mehr darüber', true], ['more', 'tell me more about it', true], ['more', 'mehr geld', false],
    ['yes', 'ja, bitte löschen', true], ['yes', 'yes delete everything', true], ['yes', 'jein', false],
    ['grade_unknown', 'weiß ich nicht', true], ['grade_unknown', "I don't know", true], ['grade_unknown', 'Pflegegrad 3', false],
    ['deadline_objection', 'Der Bescheid kam gestern', true], ['deadline_objection', 'they rejected it', true], ['deadline_objection', 'objectively', false],
    ['notice_received', 'Bescheid am 3.11. bekommen', true], ['notice_received', 'I received the decision', true], ['notice_received', 'Bescheid?', false],
    ['compute', 'Frist berechnen', true], ['compute', 'work out the date', true], ['compute', 'Rechnung', false],
    ['local_search', 'Ich suche einen Pflegedienst', true], ['local_search', 'a provider near me', true], ['local_search', 'Suchtberatung', false],
    ['letter_request', 'Gibt es ein Muster dafür?', true], ['letter_request', 'a sample letter please', true], ['letter_request', 'Was ist ein Brief?', false],
    ['callback_request', 'Bitte um Rückruf', true], ['callback_request', 'please call me back', true], ['callback_request', 'Anrufbeantworter', false],
    ['and_also', 'und Essen auf Rädern?', true], ['and_also', 'what about Saarn', true], ['and_also', 'Undine', false], ['and_also', 'Pflege und Beruf', false],
    ['refers_back', 'dafür', true], ['refers_back', 'it', true], ['refers_back', 'Wetter', false], ['refers_back', 'kosten', false],
    ['question_start', 'Wie viel gibt es', true], ['question_start', 'is there a limit', true], ['question_start', 'Pflegegrad 3 bitte', false],
    ['changes_question', 'Was hat sich zum 1. Januar geändert?', true], ['changes_question', "what's new this year", true], ['changes_question', 'Was ist Pflegegeld?', false],
    ['setting_nursing_home', 'Sie lebt im Heim', true], ['setting_nursing_home', 'a care home', true], ['setting_nursing_home', 'Heimweg', false],
    ['setting_day_care', 'Tagespflege', true], ['setting_day_care', 'daycare', true], ['setting_day_care', 'Pflegegeld', false],
    ['setting_home_care', 'ein ambulanter Dienst', true], ['setting_home_care', 'home-care', true], ['setting_home_care', 'zu Hause', false],
    ['setting_relatives', 'wir pflegen selbst', true], ['setting_relatives', 'my family', true], ['setting_relatives', 'Pflegekasse', false],
  ])('%s: %p → %p', (list, text, want) => {
    expect(words.has(list, text)).toBe(want);
  });

  test('both languages fill every word list, and their files name only known lists', () => {
    for (const lng of ['de', 'en']) {
      const file = readCommandsFile(path.join(LOCALES, lng, 'commands.json'));
      expect(Object.keys(file).sort()).toEqual(Object.keys(WORD_LISTS).sort());
    }
    expect(words.languages).toEqual(['de', 'en']);
  });

  test('a list no language fills matches nothing', () => {
    expect(compileLexicon({ de: {} }).has('cancel', '')).toBe(false);
  });
});

describe('start-up checks name the file and line', () => {
  test('an unknown word list', () => {
    const dir = localesWith('fr', '{\n  "cancel": ["annuler"],\n  "cancle": ["stop"]\n}\n');
    expect(() => loadLexicon(dir)).toThrow(ContentError);
    expect(() => loadLexicon(dir)).toThrow(/fr[/\\]commands\.json:3: unknown word list "cancle"/);
  });

  test('a pattern that does not compile', () => {
    const dir = localesWith('fr', '{\n  "help": [\n    "aide",\n    "(aidez"\n  ]\n}\n');
    expect(() => loadLexicon(dir)).toThrow(/fr[/\\]commands\.json:4: "\(aidez" is not a valid pattern/);
  });

  test('a list that is not a list of words', () => {
    const dir = localesWith('fr', '{\n  "help": "aide"\n}\n');
    expect(() => loadLexicon(dir)).toThrow(/fr[/\\]commands\.json:2:/);
  });
});

describe('a third language by data alone', () => {
  // every word list takes a third language's words from its file alone
  test.each<[WordList, string, string]>([
    ['local_search', 'je cherche', 'Je cherche un service'], ['letter_request', 'modèle de lettre', 'un modèle de lettre svp'],
    ['callback_request', 'rappelez-moi', 'rappelez-moi demain'], ['and_also', 'et', 'et à Saarn ?'],
    ['refers_back', 'cela', 'pour cela'], ['question_start', 'combien', 'combien ça coûte'],
    ['changes_question', 'quoi de neuf', 'quoi de neuf cette année'], ['setting_nursing_home', 'maison de retraite', 'en maison de retraite'],
    ['setting_day_care', 'accueil de jour', "l'accueil de jour"], ['setting_home_care', 'soins à domicile', 'des soins à domicile'],
    ['setting_relatives', 'la famille', 'la famille aide'],
    ['apply_request', 'demander', 'nous voulons demander plus'], ['rule_from_when', 'a partir de quand', 'a partir de quand est-ce paye'],
    ['rule_objection', 'recours', 'le delai de recours'], ['rule_decision', 'demande', 'la demande est en cours'],
    ['asks_date', 'jusqu a quand', 'jusqu a quand ai-je le droit'], ['asks_selfcheck', 'quel niveau', 'quel niveau aurait-elle'],
    ['about_the_grade', 'trop bas', 'le niveau est trop bas'], ['question_word', 'pourquoi', 'et pourquoi donc'],
    ['question_lead', 'peut', 'Merci. Peut on le faire'], ['asks_rest', 'demeure', 'que demeure-t-il'],
    ['offer_request', 'pres de chez moi', 'un service pres de chez moi'], ['percent_unit', 'pour cent', '40 pour cent'],
    ['half', 'la moitie', 'il prend la moitie'],
    ['statement_request', 'il nous faut', 'il nous faut un service'], ['statement_notice', 'courrier de la caisse', 'le courrier de la caisse est arrive'],
    ['effect', 'supprimee', "l'allocation est supprimee"], ['elliptic_lead', 'et pour', 'et pour 4 ?'],
    ['strong_pointer', 'cela', 'combien coute cela'], ['situation_pointer', 'pendant ce temps', 'et pendant ce temps'],
    ['situation_then', 'alors', 'et alors'],
    ['answer_expiry', 'perime', 'le droit est perime'], ['answer_from_when', 'avec effet anterieur', 'paye avec effet anterieur'],
    ['answer_deadline', 'au plus tard', 'au plus tard lundi'], ['answer_duration', 'semaines', 'trois semaines'],
    ['answer_repay', 'rembourse', 'elle rembourse'], ['answer_cost', 'gratuit', "c'est gratuit"],
    ['answer_who', '\\bdemandeur', 'le demandeur signe'], ['asks_left', 'solde', 'quel est le solde'],
  ])('%s: "%s" in fr/commands.json', (list, word, text) => {
    expect(words.has(list, text)).toBe(false);
    expect(loadLexicon(localesWith('fr', { [list]: [word] })).has(list, text)).toBe(true);
  });

  test('the pure rules read a third language from its file alone', () => {
    const fr = loadLexicon(localesWith('fr', { percent_unit: ['pour cent'], half: ['la moitie'], rule_decision: ['demande'], offer_request: ['pres de chez moi'] }));
    expect(percentFrom('le service prend 40 pour cent', words)).toBeUndefined();
    expect(percentFrom('le service prend 40 pour cent', fr)).toBe(40);
    expect(percentFrom('il prend la moitie', fr)).toBe(50);
    expect(deadlineRule('Combien de temps pour la demande ?', words).kind).toBe('objection');
    expect(deadlineRule('Combien de temps pour la demande ?', fr)).toEqual({ topic: 'apply', aspect: 'deadline', kind: 'decision' });
    expect(asksForOffers('une aide pres de chez moi', true, words)).toBe(false);
    expect(asksForOffers('une aide pres de chez moi', true, fr)).toBe(true);
  });

  test('the aspect of a follow-up question is read from a third language file alone', () => {
    const fr = loadLexicon(localesWith('fr', { aspect_expiry: ['perime'], aspect_cost: ['combien'], aspect_repay: ['rembourser'] }));
    expect(aspectOf("est-ce que c'est perime a la fin de l'annee", words)).toBeUndefined();
    expect(aspectOf("est-ce que c'est perime a la fin de l'annee", fr)).toBe('expiry');
    expect(aspectOf('il faut rembourser', fr)).toBe('repay');
    expect(aspectOf('et combien', fr)).toBe('cost');
  });

  test('a bare statement reads its request and notice words from a third language file alone', () => {
    const fr = loadLexicon(localesWith('fr', { statement_request: ['il nous faut'], statement_notice: ['courrier de la caisse'] }));
    expect(bareStatement('Ma mere vit seule, il nous faut un service.', words)).toBe(true);
    expect(bareStatement('Ma mere vit seule, il nous faut un service.', fr)).toBe(false);
    expect(bareStatement('Le courrier de la caisse est arrive.', words)).toBe(true);
    expect(bareStatement('Le courrier de la caisse est arrive.', fr)).toBe(false);
  });

  test('the follow-up rules read their effect, lead and pointer words from a third language file alone', () => {
    const fr = loadLexicon(localesWith('fr', { effect: ['supprimee'], elliptic_lead: ['et pour'], strong_pointer: ['cela'] }));
    const input = (text: string, concepts: string[], lexicon: typeof words): FollowUpInput =>
      ({ text, facts: extractFacts(text), concepts, thread: { lastTopic: 'respite' }, words: lexicon });
    const effect = "L'allocation est-elle supprimee au foyer ?";
    expect(resolveFollowUp(input(effect, ['allowance', 'nursing_home'], words))).toBeUndefined();
    expect(resolveFollowUp(input(effect, ['allowance', 'nursing_home'], fr))).toEqual({ kind: 'related', topic: 'respite', concepts: ['allowance'] });
    expect(resolveFollowUp(input('et pour 4 ?', [], words))).toBeUndefined();
    expect(resolveFollowUp(input('et pour 4 ?', [], fr))).toEqual({ kind: 'elliptic', topic: 'respite', grade: 4, setting: undefined, person: undefined });
    expect(pointsBack('combien coute cela', words)).toBe(false);
    expect(pointsBack('combien coute cela', fr)).toBe(true);
  });

  test("an aspect's answer sentences are found by a third language's words from its file alone", () => {
    const fr = loadLexicon(localesWith('fr', { answer_expiry: ['perime'] }));
    // only the fields aspectSentences reads: the answer's texts and the context's language and grade
    const a = { de: { short: "Le droit est perime a la fin de l'annee. Il se demande en ligne.", details: '' } } as unknown as LayeredAnswer;
    const ctx = { lang: 'de' } as AnswerContext;
    expect(aspectSentences(a, 'expiry', ctx, words)).toEqual([]);
    expect(aspectSentences(a, 'expiry', ctx, fr)).toEqual(['Le droit est perime a la fin de l\'annee.']);
  });

  test('the budget rule reads "what is left" from a third language file alone', () => {
    const fr = loadLexicon(localesWith('fr', { asks_left: ['solde'] }));
    expect(asksLeft('quel est le solde', words)).toBe(false);
    expect(asksLeft('quel est le solde', fr)).toBe(true);
  });

  test('the follow-up rules read their situation words from a third language file alone', () => {
    const effectOnly = loadLexicon(localesWith('fr', { effect: ['supprimee'] }));
    const fr = loadLexicon(localesWith('fr', { effect: ['supprimee'], situation_pointer: ['pendant ce temps'], situation_then: ['alors'] }));
    const input = (text: string, lexicon: typeof words): FollowUpInput =>
      ({ text, facts: extractFacts(text), concepts: ['allowance'], thread: { lastTopic: 'respite' }, words: lexicon });
    const during = "L'allocation est-elle supprimee pendant ce temps ?";
    expect(resolveFollowUp(input(during, effectOnly))).toBeUndefined();
    expect(resolveFollowUp(input(during, fr))).toEqual({ kind: 'related', topic: 'respite', concepts: ['allowance'], pointer: true });
    const then = "L'allocation est-elle supprimee alors ?";
    expect(resolveFollowUp(input(then, effectOnly))).toBeUndefined();
    expect(resolveFollowUp(input(then, fr))).toEqual({ kind: 'related', topic: 'respite', concepts: ['allowance'] });
  });

  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  test('"annuler" in locales/fr/commands.json cancels a running dialog, as "abbrechen" does', async () => {
    const lexicon = loadLexicon(localesWith('fr', { cancel: ['annuler'], help: ['aide'] }));
    expect(lexicon.languages).toEqual(['de', 'en', 'fr']);
    expect(lexicon.has('cancel', 'Annuler')).toBe(true);
    expect(words.has('cancel', 'annuler')).toBe(false);

    const withFrench = { ...app, services: { ...app.services, words: lexicon } };
    const client = mainDialogClient(withFrench);
    await say(client, 'Wie viel Pflegegeld gibt es?');
    expect(await say(client, 'annuler')).toMatch(/abgebrochen/);
    // without the file the same word is no command: the grade prompt asks again
    const plain = mainDialogClient(app);
    await say(plain, 'Wie viel Pflegegeld gibt es?');
    expect(await say(plain, 'annuler')).not.toMatch(/abgebrochen/);
  });
});
