// Table tests for the pure rules of messages with several questions (bot/conversation/multiQuestion.ts):
// where a question sentence splits into questions, what an elliptic part is read as, and which
// further questions get their own short answer or a button.
import { MAX_MORE, planAnswers, splitQuestions, splitSentence, type PartMatch } from '../../bot/conversation/multiQuestion';
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

describe('planAnswers', () => {
  const m = (id: string, score: number, confident: boolean, near: string[] = [id]): PartMatch => ({ id, score, confident, near });

  test.each<[string, PartMatch[], { short: string[]; buttons: string[] }]>([
    ['a different confident entry gets a short answer', [m('first', 0.8, true), m('second', 0.7, true)], { short: ['second'], buttons: [] }],
    ['an unsure one above the floor becomes a button', [m('first', 0.8, true), m('second', 0.45, false)], { short: [], buttons: ['second'] }],
    ['an unsure one below the floor is left out', [m('first', 0.8, true), m('second', 0.3, false)], { short: [], buttons: [] }],
    ['the first answer again is not repeated', [m('first', 0.8, true), m('first', 0.9, true)], { short: [], buttons: [] }],
    ['a part on which the first answer came close is answered by it', [m('x', 0.6, true), m('other', 0.7, true, ['other', 'first'])], { short: ['x'], buttons: [] }],
    ['the same further entry twice is answered once', [m('second', 0.7, true), m('second', 0.6, true)], { short: ['second'], buttons: [] }],
    ['parts that matched nothing are skipped', [m('first', 0.8, true), undefined as unknown as PartMatch, m('third', 0.6, true)], { short: ['third'], buttons: [] }],
    ['at most two more', [m('a', 0.8, true), m('b', 0.7, true), m('c', 0.7, true), m('d', 0.7, false)], { short: ['a', 'b'], buttons: [] }],
  ])('%s', (_name, matches, plan) => {
    expect(planAnswers({ id: 'first' }, matches)).toEqual(plan);
  });

  test('MAX_MORE is two (the first answer plus two)', () => {
    expect(MAX_MORE).toBe(2);
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
