// The router's pure decisions (bot/conversation/route.ts), table by table; the conversations that
// carry them out are in test/dialogs/mainDialog.test.ts.
import * as fs from 'fs';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import type { NluResult } from '../../bot/services';
import type { PlaceMatch } from '../../bot/conversation/local';
import {
  answersAtOnce, commandBeforeNlu, guidedCommandRoute, guidedFurther, guidedRoute,
  lastSearchCategory, lookUpRoute, offerRoute, systemRoute, takeOneTurnMemory, toldGradeOverview,
  storySelfCheck, openHelpRequest,
  type CommandInput,
} from '../../bot/conversation/route';
import { topicMenu, type Memory } from '../../bot/conversation/turn';
import type { Understanding } from '../../bot/conversation/understand';
import type { PartMatch } from '../../bot/conversation/multiQuestion';
import { ROOT } from '../helpers/app';

const words = loadLexicon(path.join(ROOT, 'locales'));
const nlu = (intent: string, ranked: [string, number][] = [[intent, 0.9]]): NluResult => ({ lang: 'de', intent, score: ranked[0]?.[1] ?? 0, ranked: ranked.map(([i, score]) => ({ intent: i, score })), entities: {} });
const understanding = (u: Partial<Understanding> = {}): Understanding => ({
  retrieval: { ranked: [], questions: [], concepts: [] } as unknown as Understanding['retrieval'], facts: {}, strong: false, story: false, parts: [], ...u,
});
const noPlace: PlaceMatch = { candidates: [] };
const menuOf = (lng: string) => topicMenu((key) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, 'common.json'), 'utf8')) as { menu: Record<string, string> }).menu[key.replace('menu.', '')]);
const MENU_DE = menuOf('de');
const MENU_EN = menuOf('en');

describe('before the NLU', () => {
  const input = (text: string, mem: Memory = {}, over: Partial<CommandInput> = {}): CommandInput => ({
    text, mem, once: {}, words, staff: true, feedback: (p) => (p === 'Ja, hat geholfen' ? 'yes' : undefined), ...over,
  });

  test.each<[string, Partial<CommandInput>, Memory, object | undefined]>([
    ['2', {}, { options: [{ title: 'A', command: 'answer:a' }, { title: 'B', command: 'answer:b' }] }, { command: 'answer:b' }],
    ['ja', { once: { deletePending: true } }, {}, { command: 'delete:confirm' }],
    ['ja', {}, {}, undefined],
    ['gerne!', { once: { offered: 'deadline:objection' } }, {}, { command: 'deadline:objection', accepted: 'deadline:objection' }],
    ['Menü', {}, {}, { command: 'menu' }],
    ['start', {}, {}, { command: 'menu' }],
    ['abbrechen.', {}, {}, { command: 'cancel' }],
    ['hilfe', {}, {}, { command: 'help' }],
    ['mehr dazu', {}, { lastTopic: 'relief' }, { command: 'details:relief' }],
    ['mehr dazu', {}, {}, undefined],
    ['Bitte um Rückruf', {}, {}, { command: 'callback' }],
    ['Bitte um Rückruf', { staff: false }, {}, undefined],
    // a story sentence that tells of a call is no call-back wish; a wish in a story still is
    ['my mum lives in a care home. the staff call me because she gets upset. what should i say to her?', {}, {}, undefined],
    ['Die Pflegekasse wollte mich zurückrufen, hat sie aber nie. Mama hat Pflegegrad 2. Wie lange dauert das noch?', {}, {}, undefined],
    ['Mama hat Pflegegrad 2 und ich bin am Ende. Rufen Sie mich bitte an. Ich bin ab 14 Uhr erreichbar.', {}, {}, { command: 'callback' }],
    ['My dad fell again last night. Can someone call me back?', {}, {}, { command: 'callback' }],
    ['Ja, hat geholfen', {}, { lastTopic: 'relief' }, { command: 'feedback:yes:relief' }],
    ['Ja, hat geholfen', { staff: false }, { lastTopic: 'relief' }, undefined],
    ['Wie viel Pflegegeld gibt es?', {}, {}, undefined],
    // a menu title typed without the menu on screen does what its button does
    ['Leistungen und Geld', { menu: MENU_DE }, {}, { command: 'money' }],
    ['  leistungen und geld. ', { menu: MENU_DE }, {}, { command: 'money' }],
    ['Benefits and money', { menu: MENU_EN }, {}, { command: 'money' }],
    ['Find help nearby', { menu: MENU_EN }, {}, { command: 'offers' }],
    ['Leistungen und Geld bei Pflegegrad 3?', { menu: MENU_DE }, {}, undefined],
    ['Leistungen und Geld', {}, {}, undefined],
  ])('%p with %j, memory %j → %j', (text, over, mem, want) => {
    expect(commandBeforeNlu(input(text, mem, over))).toEqual(want);
  });

  test('what holds for one answer is taken out of the memory', () => {
    const mem: Memory = { deletePending: true, offered: 'x', alsoAnswered: ['a'], lastTopic: 'relief' };
    expect(takeOneTurnMemory(mem)).toEqual({ deletePending: true, offered: 'x', alsoAnswered: ['a'] });
    expect(mem).toEqual({ deletePending: false, offered: undefined, alsoAnswered: undefined, lastTopic: 'relief' });
  });

  test.each<[Memory, string | undefined]>([
    [{ category: 'meals', options: [{ title: 'Anderer Stadtteil', command: 'offers:meals:place' }] }, 'meals'],
    [{ category: 'meals', options: [{ title: 'Menü', command: 'menu' }] }, undefined],
    [{ options: [{ title: 'Anderer Stadtteil', command: 'offers:meals:place' }] }, undefined],
  ])('last search category of %j → %p', (mem, want) => {
    expect(lastSearchCategory(mem)).toBe(want);
  });
});

describe('offer search', () => {
  const base = { text: 'Tagespflege', words, r: nlu('None'), u: understanding(), place: noPlace, lastCategory: () => undefined as string | undefined };
  test.each<[string, Partial<typeof base> & { detectedCategory?: string; answer?: { offerCategory?: string } }, object | undefined]>([
    ['intent find_offer, nothing known', { r: nlu('find_offer') }, { kind: 'offers', opts: { category: undefined, stadtteil: undefined, candidates: [], postcode: undefined } }],
    ['a kind of help and a district', { detectedCategory: 'day_care', place: { stadtteil: 'saarn', candidates: [] } },
      { kind: 'offers', opts: { category: 'day_care', stadtteil: 'saarn', candidates: [], postcode: undefined } }],
    ['the whole city', { detectedCategory: 'day_care', place: { candidates: [], wholeCity: true } },
      { kind: 'offers', opts: { category: 'day_care', stadtteil: '*', candidates: [], postcode: undefined } }],
    ['a kind of help alone is no search', { detectedCategory: 'day_care' }, undefined],
    ['a place after an answer with local help', { place: { stadtteil: 'saarn', candidates: [] }, lastCategory: () => 'counselling' },
      { kind: 'offers', opts: { category: 'counselling', stadtteil: 'saarn', candidates: [], postcode: undefined } }],
    ['another town', { r: nlu('find_offer'), place: { candidates: [], otherPlace: 'Essen' } }, { kind: 'other_city', place: 'Essen' }],
    ['a postcode of no district', { r: nlu('find_offer'), detectedCategory: 'meals', place: { candidates: [], postcode: '10115', unknownPostcode: true } },
      { kind: 'postcode_unknown', postcode: '10115', category: 'meals' }],
    ['a story that only names a place', { text: 'Meine Mutter wohnt in Saarn und kommt allein nicht mehr zurecht.', detectedCategory: 'day_care',
      u: understanding({ story: true }), place: { stadtteil: 'saarn', candidates: [] } }, undefined],
  ])('%s', (_name, over, want) => {
    expect(offerRoute({ ...base, ...over })).toEqual(want);
  });
});

describe('a story that tells the grade', () => {
  test.each<[string, string, Partial<Understanding>, object | undefined]>([
    ['selfcheck', 'Mein Mann hat Pflegegrad 3 und ich pflege ihn.', { facts: { grade: 3 } }, { grade: 3, setting: undefined }],
    ['selfcheck', 'Mutter hat Pflegegrad 2 und lebt im Heim.', { facts: { grade: 2, setting: 'nursing_home' } }, { grade: 2, setting: 'nursing_home' }],
    ['apply', 'Sie hat Pflegegrad 2.', { facts: { grade: 2 } }, { grade: 2, setting: undefined }],
    ['apply', 'Sie hat Pflegegrad 2 und wir wollen einen höheren beantragen.', { facts: { grade: 2 } }, undefined],
    ['selfcheck', 'Ist Pflegegrad 2 richtig?', { facts: { grade: 2 } }, undefined],
    ['selfcheck', 'Meine Mutter wird immer vergesslicher.', {}, undefined],
    ['benefits_overview', 'Sie hat Pflegegrad 2.', { facts: { grade: 2 } }, undefined],
  ])('%s: %p → %j', (intent, text, u, want) => {
    expect(toldGradeOverview(intent, understanding(u), text, words)).toEqual(want);
  });
});

// issue 18: a guided flow starts only when the person asks for it or accepts the offer
describe('a story the intent engine takes for the self-check', () => {
  const story = (questions: string[], u: Partial<Understanding> = {}): Understanding => understanding({
    story: true, retrieval: { ranked: [], questions, concepts: [] } as unknown as Understanding['retrieval'], ...u,
  });
  test.each<[string, Understanding, object | undefined]>([
    // asks which grade and where to apply: answered (the entry, else the topic), the test a button
    ['selfcheck', story(['Welcher Pflegegrad käme da in Frage?', 'Und wo beantragen wir den?']), { kind: 'answer', answerId: 'selfcheck' }],
    ['selfcheck', story(['What grade might he get, and where do we apply?'], { entry: { id: 'apply_how' } as Understanding['entry'] }), { kind: 'answer', answerId: 'apply_how' }],
    // the grade is known and money is asked: that grade's overview
    ['selfcheck', story(['Was steht ihr an Geld zu?'], { facts: { grade: 3, setting: 'home' } }), { kind: 'overview', overview: { grade: 3, setting: undefined } }],
    ['selfcheck', story(['Was zahlt die Kasse im Heim?'], { facts: { grade: 4, setting: 'nursing_home' } }), { kind: 'overview', overview: { grade: 4, setting: 'nursing_home' } }],
    // a told grade doubted: answered with the test offered, not the overview
    ['selfcheck', story(['Ist Pflegegrad 2 zu niedrig?'], { facts: { grade: 2 } }), { kind: 'answer', answerId: 'selfcheck' }],
    // asked for by name, no question, no story, another intent: the router goes on as before
    ['selfcheck', story(['Können wir den Selbsttest zusammen machen?']), undefined],
    ['selfcheck', story(['Can we do the self-check together?']), undefined],
    ['selfcheck', story([]), undefined],
    ['selfcheck', understanding({ retrieval: { ranked: [], questions: ['Welcher Pflegegrad?'], concepts: [] } as unknown as Understanding['retrieval'] }), undefined],
    ['apply', story(['Wo beantragen wir den Pflegegrad?']), undefined],
  ])('%s: %j → %j', (intent, u, want) => {
    expect(storySelfCheck(intent, u, words)).toEqual(want);
  });
});

describe('a request for help that names nothing', () => {
  const u = (concepts: string[] = [], facts: Understanding['facts'] = {}) => understanding({ retrieval: { ranked: [], questions: [], concepts } as unknown as Understanding['retrieval'], facts });
  test.each<[string, Understanding, string | undefined, PlaceMatch, boolean]>([
    ['Ich brauche Unterstützung für meine Mutter', u([], { person: 'mother' }), undefined, noPlace, true],
    ['wir brauchen dringend Hilfe', u(), undefined, noPlace, true],
    ['I need some help', u(), undefined, noPlace, true],
    ['we could use a bit of support for my dad', u(), undefined, noPlace, true],
    ['Ich brauche Hilfe in Saarn', u(), undefined, { candidates: [], stadtteil: 'saarn' }, true],
    // a kind of help, a topic, a grade, a question or another city decide the answer themselves
    ['Ich brauche Hilfe beim Einkaufen', u(), 'household', noPlace, false],
    ['Ich brauche Unterstützung bei der Tagespflege', u(['daycare']), undefined, noPlace, false],
    ['Ich brauche Hilfe, sie hat Pflegegrad 3', u([], { grade: 3 }), undefined, noPlace, false],
    ['Ich brauche Hilfe, was kann ich tun?', u(), undefined, noPlace, false],
    ['I need some help in Essen', u(), undefined, { candidates: [], otherPlace: 'Essen' }, false],
    ['Wie viel Pflegegeld gibt es?', u(), undefined, noPlace, false],
  ])('%p → %p', (text, under, category, place, want) => {
    expect(openHelpRequest(text, under, words, category, place)).toBe(want);
  });
});

describe('small talk and system intents', () => {
  const ok = () => true;
  test.each<[NluResult, boolean, boolean, object]>([
    [nlu('greeting'), true, false, { kind: 'say', key: 'welcome', menu: true }],
    [nlu('greeting'), false, false, { kind: 'look_up' }],
    [nlu('cancel'), true, false, { kind: 'say', key: 'nothing_to_cancel', menu: true }],
    [nlu('thanks'), true, false, { kind: 'say', key: 'thanks' }],
    [nlu('goodbye'), true, false, { kind: 'say', key: 'goodbye' }],
    [nlu('help'), true, false, { kind: 'command', command: 'help' }],
    [nlu('delete_data'), true, false, { kind: 'command', command: 'delete' }],
    [nlu('None', [['relief', 0.2]]), true, true, { kind: 'refers_back' }],
    [nlu('None', [['out_of_scope', 0.4]]), true, false, { kind: 'out_of_scope' }],
    [nlu('None', [['relief', 0.2]]), true, false, { kind: 'look_up' }],
  ])('%j (social ok %p, refers back %p) → %j', (r, social, back, want) => {
    expect(systemRoute(r, social ? ok : () => false, () => back)).toEqual(want);
  });

  test('off-topic by ranking is asked whether it is social, with the off-topic flag', () => {
    const seen: boolean[] = [];
    systemRoute(nlu('None', [['out_of_scope', 0.4]]), (f) => (seen.push(f), true), () => false);
    systemRoute(nlu('thanks'), (f) => (seen.push(f), true), () => false);
    expect(seen).toEqual([true, false]);
  });

  const answers = new Set(['relief', 'allowance', 'in_kind']);
  test.each<[string[], [string, number][], string[], object]>([
    [['q1'], [], ['s1'], { key: 'did_you_mean', ids: ['q1'] }],
    [[], [['relief', 0.3], ['allowance', 0.2], ['greeting', 0.2], ['in_kind', 0.1]], [], { key: 'did_you_mean', ids: ['relief', 'allowance'] }],
    [[], [['relief', 0.3], ['in_kind', 0.1]], ['s1', 's2'], { key: 'search_hits', ids: ['s1', 's2'] }],
    [[], [['relief', 0.04], ['allowance', 0.04]], [], { key: 'not_understood' }],
  ])('near %p, ranked %j, hits %p → %j', (near, ranked, hits, want) => {
    expect(lookUpRoute(near, nlu('None', ranked), (id) => answers.has(id), () => hits)).toEqual(want);
  });
});

describe('guided dialogs', () => {
  const guided = (intent: string, text: string, hasDate = false) => guidedRoute({ r: nlu(intent), text, words, grade: 3, hasDate: () => hasDate, alternative: () => 'apply' });
  test.each<[string, string, boolean, object | undefined]>([
    ['None', 'Was hat sich zum 1. Januar geändert?', false, { dialog: 'benefits', options: { show: 'changes', text: 'Was hat sich zum 1. Januar geändert?', grade: 3 } }],
    ['selfcheck', 'Welchen Pflegegrad bekommt sie?', false, { dialog: 'selfcheck', options: { alternative: 'apply' } }],
    ['benefits_overview', 'Was steht uns zu?', false, { dialog: 'benefits', options: { grade: 3, text: 'Was steht uns zu?' } }],
    ['deadline', 'Wie lange habe ich Zeit für den Widerspruch?', false, undefined],
    ['deadline', 'Bescheid kam am 3.11.', true, { dialog: 'deadline', options: { text: 'Bescheid kam am 3.11.' } }],
    ['deadline', 'Welche Fristen gibt es?', false, { dialog: 'deadline', options: { text: 'Welche Fristen gibt es?' } }],
    ['combination', 'Der Dienst nimmt 60 %', false, { dialog: 'benefits', options: { grade: 3, text: 'Der Dienst nimmt 60 %' } }],
    ['combination', 'Was ist die Kombinationsleistung?', false, undefined],
    ['objection', 'Gibt es ein Muster für den Widerspruch?', false, { dialog: 'letters', options: { letter: 'objection' } }],
    ['apply', 'Antrag am 1. Oktober gestellt', true, { dialog: 'deadline', options: { text: 'Antrag am 1. Oktober gestellt' } }],
    ['apply', 'Antrag am 1. Oktober gestellt', false, undefined],
    ['relief', 'Was ist der Entlastungsbetrag?', false, undefined],
  ])('%s: %p (date %p) → %j', (intent, text, hasDate, want) => {
    expect(guided(intent, text, hasDate)).toEqual(want);
  });

  test.each<[string, object | undefined]>([
    ['selfcheck:resume', { dialog: 'selfcheck', options: { resume: true, restart: false } }],
    ['money', { dialog: 'benefits', options: {} }],
    ['overview:3:nursing_home', { dialog: 'benefits', options: { grade: 3, setting: 'nursing_home' } }],
    ['overview:9:garden', { dialog: 'benefits', options: { grade: undefined, setting: undefined } }],
    ['overview', { dialog: 'benefits', options: { grade: undefined, setting: undefined } }],
    ['changes', { dialog: 'benefits', options: { show: 'changes' } }],
    ['deadline:objection', { dialog: 'deadline', options: { kind: 'objection' } }],
    ['deadline:other', { dialog: 'deadline', options: { kind: undefined } }],
    ['guide', { dialog: 'deadline', options: {} }],
    ['letter:objection:en', { dialog: 'letters', options: { letter: 'objection', letterLang: 'en' } }],
    ['answer:relief', undefined],
  ])('button %p → %j', (cmd, want) => {
    const [name, arg, sub] = cmd.split(':');
    expect(guidedCommandRoute(name, arg, sub)).toEqual(want);
  });
});

// issue 17 (session 14b): a guided dialog answers one question of several; the others keep their short answers
describe('the further questions of a message a guided dialog answers', () => {
  const m = (id: string, score: number, confident: boolean, near: string[] = [id]): PartMatch => ({ id, score, confident, near });
  test.each<[string, string, PartMatch[], string[]]>([
    ['one question: nothing more', 'deadline', [m('objection', 0.6, true)], []],
    ['the calculator\'s question matched another topic: its rule follows as a short answer', 'deadline', [m('objection', 0.52, true), m('objection', 0.47, false)], ['objection']],
    ['a sure second question after the combination worked out', 'combination', [m('combination', 0.7, true), m('allowance_tax_free', 0.6, true)], ['allowance_tax_free']],
    ['a part that matches the dialog\'s own topic adds nothing', 'combination', [m('allowance_tax_free', 0.6, true), m('combination', 0.7, true)], ['allowance_tax_free']],
    ['an unsure part is no short answer', 'deadline', [m('deadline', 0.7, true), m('apply', 0.3, false)], []],
  ])('%s', (_name, intent, parts, want) => {
    expect(guidedFurther(intent, { parts })).toEqual(want);
  });

  test('a share worked out for the in-kind intent stands for the combination', () => {
    const parts = [m('combination', 0.62, true), m('allowance_tax_free', 0.6, true)];
    expect(guidedFurther('in_kind', { parts }, 'benefits')).toEqual(['allowance_tax_free']);
    expect(guidedFurther('in_kind', { parts })).toEqual(['combination', 'allowance_tax_free']);
  });

  const x = (text: string, hasDate: boolean) => ({ text, words, hasDate: () => hasDate });
  test.each<[string, Parameters<typeof answersAtOnce>[0], string, boolean, boolean]>([
    ['a notice with its date: the date is worked out', { dialog: 'deadline', options: { text: 'Der Bescheid kam am 3.11.' } }, 'Der Bescheid kam am 3.11.', true, true],
    ['a notice without a date: the dialog asks for it', { dialog: 'deadline', options: { text: 'Der Bescheid ist da' } }, 'Der Bescheid ist da', false, false],
    ['the step-by-step guide asks which deadline', { dialog: 'deadline', options: { text: 'Welche Fristen gibt es?' } }, 'Welche Fristen gibt es?', false, false],
    ['a deadline button with its kind', { dialog: 'deadline', options: { kind: 'objection' } }, '', false, true],
    ['the combination for a told grade', { dialog: 'benefits', options: { grade: 2, text: 'Der Dienst nimmt 50 %' } }, 'Der Dienst nimmt 50 %', false, true],
    ['the overview without a grade asks for it', { dialog: 'benefits', options: { text: 'Was steht uns zu?' } }, 'Was steht uns zu?', false, false],
    ['the self-check asks', { dialog: 'selfcheck', options: {} }, 'Welcher Pflegegrad?', false, false],
  ])('%s → %p', (_name, start, text, hasDate, want) => {
    expect(answersAtOnce(start, x(text, hasDate))).toBe(want);
  });
});
