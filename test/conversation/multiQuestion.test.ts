// Table tests for the pure rules of messages with several questions (bot/conversation/multiQuestion.ts):
// where a question sentence splits into questions, what an elliptic part is read as, and which
// further questions get their own short answer or a button.
import { ASPECT_FLOOR, MAX_MORE, aspectMatch, asksAmount, planAnswers, splitQuestions, splitSentence, type AnswerPlan, type PartMatch, type RankedCandidate } from '../../bot/conversation/multiQuestion';
import { namesAmount } from '../../bot/conversation/understand';
import type { LayeredAnswer } from '../../bot/knowledge/kb';
import { topicForGrade } from '../../bot/conversation/thread';

describe('splitSentence', () => {
  test.each([
    // several questions in one sentence
    ['Darf ich Urlaub von der Pflege nehmen, wie oft, und wer zahlt die Vertretung?', ['Darf ich Urlaub von der Pflege nehmen', 'wie oft', 'wer zahlt die Vertretung?']],
    ['Wo stelle ich den Widerspruch und was schreibe ich hinein?', ['Wo stelle ich den Widerspruch', 'was schreibe ich hinein?']],
    ['Muss ich das Haus verkaufen, oder darf sie es behalten?', ['Muss ich das Haus verkaufen', 'darf sie es behalten?']],
    ['Can my dad get day care, and does it reduce his allowance?', ['Can my dad get day care', 'does it reduce his allowance?']],
    ['How long does the assessment take and who comes to the house?', ['How long does the assessment take', 'who comes to the house?']],
    ['Was zahlt die Kasse; was bleibt für uns?', ['Was zahlt die Kasse', 'was bleibt für uns?']],
    // one question: a subordinate "wie"/"ob" after a statement is no question of its own
    ['Ich weiß nicht, wie ich das Heim bezahlen soll?', ['Ich weiß nicht, wie ich das Heim bezahlen soll?']],
    ['Ich frage mich, ob sie Pflegegrad 2 bekommt?', ['Ich frage mich, ob sie Pflegegrad 2 bekommt?']],
    // "und" between statements, or an auxiliary without a comma, does not split
    ['Sie ist 84 und ist seit Mai dement, was steht ihr zu?', ['Sie ist 84 und ist seit Mai dement, was steht ihr zu?']],
    ['Bekommt er Pflegegeld und Sachleistung zusammen?', ['Bekommt er Pflegegeld und Sachleistung zusammen?']],
    ['Was passiert, wenn er ins Krankenhaus muss?', ['Was passiert, wenn er ins Krankenhaus muss?']],
    // a story's closing question with an elliptic amount part
    ['Steht ihr das trotzdem zu, und wie viel wäre das bei ihr?', ['Steht ihr das trotzdem zu', 'wie viel wäre das bei ihr?']],
    ['Is the bus included, and how much would the fund pay for him?', ['Is the bus included', 'how much would the fund pay for him?']],
    ['Zahlt die Kasse das, wie hoch ist der Zuschuss, und wo beantrage ich ihn?', ['Zahlt die Kasse das', 'wie hoch ist der Zuschuss', 'wo beantrage ich ihn?']],
    // a question word after a preposition opens a question, before a comma or after "und"
    ['Bis wann muss ich widersprechen, und geht das auch per Brief?', ['Bis wann muss ich widersprechen', 'geht das auch per Brief?']],
    ['Gibt es Pflegegeld, und ab wann wird es gezahlt?', ['Gibt es Pflegegeld', 'ab wann wird es gezahlt?']],
    ['Does the fund pay, and from when does it pay?', ['Does the fund pay', 'from when does it pay?']],
    // more verbs that open a question after ", und": geht, reicht, bleibt, stimmt
    ['Geht das, und gibt es dafür Geld?', ['Geht das', 'gibt es dafür Geld?']],
    ['Reicht das Ersparte, oder bleibt am Ende nichts übrig?', ['Reicht das Ersparte', 'bleibt am Ende nichts übrig?']],
    // "und/and" without a comma opens a question when its verb comes before a pronoun subject (session 14)
    ['Wie viel davon darf er behalten und müssen wir Kinder für den Rest aufkommen?', ['Wie viel davon darf er behalten', 'müssen wir Kinder für den Rest aufkommen?']],
    ['How long do we have to object and does it have to be in writing?', ['How long do we have to object', 'does it have to be in writing?']],
    ['Darf sie das Geld behalten oder muss sie es abgeben?', ['Darf sie das Geld behalten', 'muss sie es abgeben?']],
    // … not when no pronoun follows the verb (a told clause)
    ['Kann sie zu Hause bleiben, obwohl sie 84 ist und hat seit Mai Demenz?', ['Kann sie zu Hause bleiben, obwohl sie 84 ist und hat seit Mai Demenz?']],
    // a question told as a sentence asks on its own and does not join the question after it
    ['i wonder whether the allowance keeps being paid, and how much is it at grade 3?', ['i wonder whether the allowance keeps being paid', 'how much is it at grade 3?']],
    ['Ich frage mich, ob das Pflegegeld weiterläuft, und wie viel ist das bei Grad 3?', ['Ich frage mich, ob das Pflegegeld weiterläuft', 'wie viel ist das bei Grad 3?']],
    // a lower-case question after a number's full stop (kept in one sentence by the splitter)
    ['er hat pflegegrad 4. kann ich das von der steuer absetzen und wie viel wäre das', ['er hat pflegegrad 4. kann ich das von der steuer absetzen', 'wie viel wäre das']],
    // "also …" restating the question before it is one more part, never glued to the story
    ['Also muss ich mit weniger Geld rechnen oder ist das extra?', ['Also muss ich mit weniger Geld rechnen', 'ist das extra?']],
    // a preposition before a plain noun is no question
    ['Ist sie für die Tagespflege zu krank, mit der sie so gut zurechtkam?', ['Ist sie für die Tagespflege zu krank, mit der sie so gut zurechtkam?']],
  ])('%s', (sentence, parts) => {
    expect(splitSentence(sentence)).toEqual(parts);
  });
});

describe('splitQuestions', () => {
  test('question sentences only; the story is left out', () => {
    const parts = splitQuestions('Mein Mann hat Pflegegrad 4. Er wohnt zu Hause. Wer bezahlt den Rollstuhl, und wann kommt er?');
    expect(parts.map((p) => p.text)).toEqual(['Wer bezahlt den Rollstuhl', 'wann kommt er?']);
  });

  test('an elliptic part borrows the first part of its sentence; every part knows the rest as story', () => {
    const parts = splitQuestions('Darf ich Urlaub von der Pflege nehmen, wie oft, und wer zahlt die Vertretung?');
    expect(parts.map((p) => p.query)).toEqual([
      'Darf ich Urlaub von der Pflege nehmen',
      'wie oft Darf ich Urlaub von der Pflege nehmen?',
      'wer zahlt die Vertretung?',
    ]);
    expect(parts[2].around).toEqual(['Darf ich Urlaub von der Pflege nehmen.', 'wie oft.']);
  });

  test('"Stimmt das? Und was machen wir …": two question sentences, the second opening with "und"', () => {
    const parts = splitQuestions('Die Nachbarin sagt, Papa bekomme keinen Pflegegrad. Stimmt das? Und was machen wir bis dahin?');
    expect(parts.map((p) => p.text)).toEqual(['Stimmt das?', 'Und was machen wir bis dahin?']);
  });

  test('"Stimmt das?" / "Is that right?" is read as the claim told just before it', () => {
    const de = splitQuestions('Mein Bruder meint, das Pflegegeld fällt im Heim weg. Stimmt das? Und was zahlt die Kasse dort?');
    expect(de.map((p) => p.query)).toEqual(['Mein Bruder meint, das Pflegegeld fällt im Heim weg?', 'Und was zahlt die Kasse dort?']);
    const en = splitQuestions('A friend said respite care needs six months of caring first. Is that true? And who may stand in?');
    expect(en[0].query).toBe('A friend said respite care needs six months of caring first?');
  });

  test('"Geht das, und …" at the start of a sentence reads the plan told before it', () => {
    const parts = splitQuestions('Ich will zwei Jahre lang weniger arbeiten. Geht das, und gibt es dafür Geld?');
    expect(parts.map((p) => p.query)).toEqual(['Ich will zwei Jahre lang weniger arbeiten?', 'gibt es dafür Geld?']);
  });

  test('a check question that names its own subject (a German noun) is read as written', () => {
    const parts = splitQuestions('Wir wollen gegen den Bescheid vorgehen. Geht das per E-Mail, und kostet uns das etwas?');
    expect(parts.map((p) => p.query)).toEqual(['Geht das per E-Mail', 'kostet uns das etwas?']);
    expect(splitQuestions('Geht das auch ohne Antrag? Und wer zahlt?')[0].query).toBe('Geht das auch ohne Antrag?');
    // "Stimmt das so?" names nothing: the claim before it is read
    expect(splitQuestions('Die Nachbarin sagt, das Pflegegeld fällt weg. Stimmt das so? Und was nun?')[0].query).toBe('Die Nachbarin sagt, das Pflegegeld fällt weg?');
  });

  test('a check question without a claim before it, or a question of its own, is left as written', () => {
    expect(splitQuestions('Stimmt das? Und wer zahlt?')[0].query).toBe('Stimmt das?');
    expect(splitQuestions('Mutter ist im Heim. Wie viel kostet das dort im Monat? Und wer zahlt?')[0].query).toBe('Wie viel kostet das dort im Monat?');
  });

  test('a part that asks for an amount is marked as such', () => {
    const parts = splitQuestions('Mein Vater hat Pflegegrad 2. Ist die Fahrt dabei, und wie viel zahlt die Kasse bei ihm?');
    expect(parts.map((p) => p.amount)).toEqual([false, true]);
  });

  test('two question sentences are two parts', () => {
    expect(splitQuestions('What is short-term care? Does the allowance continue?').map((p) => p.text))
      .toEqual(['What is short-term care?', 'Does the allowance continue?']);
  });

  test('one question, or a request said as a statement: at most one part (nothing further to answer)', () => {
    expect(splitQuestions('Wie hoch ist das Pflegegeld bei Pflegegrad 2?')).toHaveLength(1);
    expect(splitQuestions('Ich brauche Hilfe beim Antrag, und zwar schnell.')).toHaveLength(1);
    expect(splitQuestions('')).toHaveLength(0);
  });
});

describe('asksAmount', () => {
  test.each<[string, boolean]>([
    ['wie viel wäre das bei ihr?', true],
    ['Wieviel zahlt die Kasse?', true],
    ['wie hoch ist der Zuschuss', true],
    ['welcher Betrag steht ihr zu?', true],
    ['how much would that be?', true],
    ['what amount can we claim?', true],
    ['wie lange dauert das?', false],
    ['wer zahlt die Vertretung?', false],
    ['how long does it take?', false],
  ])('%s → %s', (part, amount) => {
    expect(asksAmount(part)).toBe(amount);
  });
});

describe('namesAmount (which answers can answer an amount question)', () => {
  const answer = (short: string, shortWithGrade?: string) => ({ de: { short, shortWithGrade } }) as unknown as LayeredAnswer;
  test.each<[string, LayeredAnswer, number | undefined, boolean]>([
    ['a text for the told grade', answer('Die Kasse zahlt etwas.', 'Bei Pflegegrad {{grade}} sind das {{b.tagespflege.grade}}.'), 3, true],
    ['an amount in the short answer, no grade told', answer('Bis zu {{b.wohnumfeld}} je Maßnahme.'), undefined, true],
    ['the amount at the told grade in the short answer', answer('{{b.pauschbetrag.2}} bei Pflegegrad 2, {{b.pauschbetrag.3}} bei Pflegegrad 3.'), 3, true],
    ['only another grade\'s amount', answer('Bei Pflegegrad 4 sind es {{b.pauschbetrag.4}}.'), 3, false],
    ['no amount at all', answer('Ja, das geht, wenn die Kasse zustimmt.'), undefined, false],
  ])('%s', (_name, a, grade, names) => {
    expect(namesAmount(a, 'de', grade)).toBe(names);
  });
});

describe('planAnswers', () => {
  const m = (id: string, score: number, confident: boolean, near: string[] = [id]): PartMatch => ({ id, score, confident, near });

  test.each<[string, PartMatch[], AnswerPlan]>([
    ['a different confident entry gets a short answer', [m('first', 0.8, true), m('second', 0.7, true)], { short: ['second'], buttons: [] }],
    ['an unsure one above the floor becomes a button', [m('first', 0.8, true), m('second', 0.45, false)], { short: [], buttons: ['second'] }],
    ['an unsure one below the floor is left out', [m('first', 0.8, true), m('second', 0.3, false)], { short: [], buttons: [] }],
    ['the first answer again is not repeated', [m('first', 0.8, true), m('first', 0.9, true)], { short: [], buttons: [] }],
    ['an unsure part on which the first answer came close is answered by it', [m('x', 0.6, true), m('other', 0.45, false, ['other', 'first'])], { short: ['x'], buttons: [] }],
    ['a sure part keeps its own entry though the first answer came close', [m('x', 0.6, true), m('other', 0.7, true, ['other', 'first'])], { short: ['x', 'other'], buttons: [] }],
    ['the same further entry twice is answered once', [m('second', 0.7, true), m('second', 0.6, true)], { short: ['second'], buttons: [] }],
    ['parts that matched nothing are skipped', [m('first', 0.8, true), undefined as unknown as PartMatch, m('third', 0.6, true)], { short: ['third'], buttons: [] }],
    // a story of three questions whose whole reading answered none of them still gets all three
    ['at most three more', [m('a', 0.8, true), m('b', 0.7, true), m('c', 0.7, true), m('d', 0.7, true)], { short: ['a', 'b', 'c'], buttons: [] }],
    // an unsure part offered an entry as a button; a later part sure of the same entry answers it
    ['a button made a short answer by a later sure part', [m('second', 0.5, false), m('second', 0.6, true)], { short: ['second'], buttons: [] }],
    // "Kann mir gekündigt werden, wenn ich Pflegezeit beantrage? Und wann muss ich es sagen?" under the
    // Pflegezeit answer: the first part matched the shown entry, its close neighbour covers what it names
    ['a part whose match is shown takes its close neighbour', [{ ...m('first', 0.62, true), next: 'dismissal' }, m('first', 0.47, true)], { short: ['dismissal'], buttons: [] }],
    ['… an unsure one stays with the shown answer (it came as close)', [{ ...m('first', 0.5, false), next: 'dismissal' }], { short: [], buttons: [] }],
    ['… not when the neighbour is shown too', [m('dismissal', 0.7, true), { ...m('first', 0.62, true), next: 'dismissal' }], { short: ['dismissal'], buttons: [], before: ['dismissal'] }],
    ['… a part with its own new match keeps it', [{ ...m('second', 0.62, true), next: 'dismissal' }], { short: ['second'], buttons: [] }],
    // "… and will we children have to pay?" matched the savings answer shown first, the children's income limit as close
    ['a sure part whose match is shown takes its first near candidate not shown', [m('first', 0.64, true), m('first', 0.54, true, ['first', 'children'])], { short: ['children'], buttons: [] }],
    ['… an unsure one does not', [m('first', 0.64, true), m('first', 0.38, false, ['first', 'children'])], { short: [], buttons: [] }],
    ['… nor when every near candidate is shown', [m('children', 0.7, true), m('first', 0.54, true, ['first', 'children'])], { short: ['children'], buttons: [], before: ['children'] }],
    // the first answer was chosen for the whole message and no part matched it: it stands for the first
    // question, whose own weak match (below the button floor) would be a second, wrong answer to it
    ['a weak first part under an answer no part matched adds nothing', [m('stray', 0.37, true), m('second', 0.6, true)], { short: ['second'], buttons: [] }],
    ['… a first part sure enough keeps its own answer', [m('own', 0.5, true), m('second', 0.6, true)], { short: ['own', 'second'], buttons: [] }],
    ['… and a weak first part when another part matched the first answer', [m('weak', 0.37, true), m('first', 0.6, true)], { short: ['weak'], buttons: [], before: ['weak'] }],
    // "Wie früh muss ich es sagen? Und kann er mir dann kündigen?" answered first with the dismissal entry
    // (the second question): the notice entry answers the first question and is shown before it
    ['a question asked before the first answer\'s one is answered before it', [m('notice', 0.58, true), m('first', 0.69, true), m('third', 0.6, true)], { short: ['notice', 'third'], buttons: [], before: ['notice'] }],
  ])('%s', (_name, matches, plan) => {
    expect(planAnswers({ id: 'first' }, matches)).toEqual(plan);
  });

  test('MAX_MORE is three (the first answer plus three)', () => {
    expect(MAX_MORE).toBe(3);
  });
});

describe('topicForGrade (a new grade after an answer to several questions)', () => {
  const usesGrade = (id: string) => ['allowance', 'daycare', 'in_kind'].includes(id);
  test.each<[string, string, string[] | undefined, string]>([
    ['the last answer depends on the grade: it stays', 'allowance', ['daycare'], 'allowance'],
    ['the last does not, a further one does: that one', 'relief_who_gets', ['allowance'], 'allowance'],
    ['the first further one that depends on it', 'relief_who_gets', ['apply', 'in_kind', 'daycare'], 'in_kind'],
    ['none does: the last topic', 'relief_who_gets', ['apply'], 'relief_who_gets'],
    ['one answer only: the last topic', 'relief_who_gets', undefined, 'relief_who_gets'],
  ])('%s', (_name, last, also, topic) => {
    expect(topicForGrade(last, also, usesGrade)).toBe(topic);
  });
});

// "… Wird das Pflegegeld weniger, und was müssen wir an der Tagespflege selbst bezahlen?": the second part
// reads the day-care overview (or the answer already shown, or nothing sure); the day-care entry whose
// short answer speaks to the asked aspect (what the family pays itself) answers it (session 18)
describe('aspectMatch (a further part that asks one aspect of the story\'s subject)', () => {
  const m = (id: string, confident = true, topic?: string): PartMatch => ({ id, score: 0.6, confident, near: [id], topic });
  const e = (id: string, score: number, topic = 'daycare'): RankedCandidate => ({ id, kind: 'entry', topic, score });
  const ranked = [e('daycare_days', 0.9), e('other_topic_own', 0.8, 'nursing_home'), e('daycare_own_costs', 0.7), e('daycare_social', 0.6)];
  const speaks = (id: string) => /own/.test(id);
  const shown = new Set(['daycare_on_top']);

  test.each<[string, PartMatch | undefined, string | undefined]>([
    ['the subject\'s overview gives way to its entry that speaks to the aspect', m('daycare'), 'daycare_own_costs'],
    ['… so does the answer already shown', m('daycare_on_top', true, 'daycare'), 'daycare_own_costs'],
    ['… and an unsure match', m('nursing_home_costs', false, 'nursing_home'), 'daycare_own_costs'],
    ['… not a match that reads clearly better than every such entry', { ...m('nursing_home_court', false, 'nursing_home'), score: 0.85 }, undefined],
    ['… the overview gives way however well it reads', { ...m('daycare'), score: 1.2 }, 'daycare_own_costs'],
    ['a part sure of an entry of its own keeps it', m('nursing_home_costs', true, 'nursing_home'), undefined],
    ['no match, no subject to ask about', undefined, undefined],
  ])('%s', (_name, match, id) => {
    expect(aspectMatch(match, 'daycare', shown, () => ranked, speaks)?.id).toBe(id);
  });

  test('the answer is sure and says which rule chose it', () => {
    expect(aspectMatch(m('daycare'), 'daycare', shown, () => ranked, speaks)).toMatchObject({ confident: true, rule: 'aspect', topic: 'daycare' });
  });

  test('only the subject\'s own entries, none shown, none below the floor', () => {
    expect(aspectMatch(m('daycare'), 'daycare', new Set(['daycare_own_costs']), () => ranked, speaks)).toBeUndefined();
    expect(aspectMatch(m('daycare'), 'daycare', shown, () => [e('daycare_own_costs', ASPECT_FLOOR - 0.01)], speaks)).toBeUndefined();
    expect(aspectMatch(m('daycare'), undefined, shown, () => ranked, speaks)).toBeUndefined();
  });
});
