// The care-grade self-check's progress rules (bot/care/selfCheck.ts), table-driven against the real
// NBA catalogue; the conversations are in test/dialogs/selfCheckDialog.test.ts.
import { scoreNba } from '../../bot/care/nba';
import type { NbaCatalogue } from '../../bot/care/nbaSchema';
import {
  answerQuestion, controlWord, goBack, isComplete, newProgress, nextAskable, questionMessage, reportButtons, selfCheckQuestions, selfCheckReport, skipModule,
  thresholdsText,
  type SelfCheckProgress,
} from '../../bot/care/selfCheck';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT, TODAY } from '../helpers/app';
import { keysOnly } from '../dialogs/guidedHelpers';
import { loadNba } from './nbaCatalogue';

const cat: NbaCatalogue = loadNba();
const qs = selfCheckQuestions(cat);
const words = loadLexicon(path.join(ROOT, 'locales'));

function run(picks: number[]): SelfCheckProgress {
  return picks.reduce((p, i) => answerQuestion(cat, p, i), newProgress());
}

describe('progress logic', () => {
  test('every criterion is asked once, modules in order, a gate right before its criterion', () => {
    const criteria = cat.modules.flatMap((m) => m.criteria.map((c) => c.id));
    expect(qs.filter((q) => !q.gateOf).map((q) => q.id)).toEqual(criteria);
    expect(qs.map((q) => q.module)).toEqual([...qs.map((q) => q.module)].sort((a, b) => a - b));
    for (const [i, q] of qs.entries()) if (q.gateOf) expect(qs[i + 1].id).toBe(q.gateOf);
  });

  test.each([
    ['gate answered "no" passes over its criterion', 0, 2],
    ['gate answered "yes" asks its criterion', 1, 1],
  ])('%s', (_name, gateAnswer, step) => {
    const gatePos = qs.findIndex((q) => q.gateOf);
    const answers = { [qs[gatePos].id]: gateAnswer };
    expect(nextAskable(cat, qs, answers, gatePos + 1)).toBe(gatePos + step);
  });

  test.each([
    ['one answer moves on by one', [0], 1],
    ['two answers', [0, 3], 2],
  ])('%s', (_n, picks, pos) => {
    expect(run(picks).pos).toBe(pos);
  });

  test('back returns to the question before, keeping the answer given there', () => {
    const p = goBack(run([2, 1]));
    expect(p.pos).toBe(1);
    expect(p.answers[qs[1].id]).toBe(1);
    expect(goBack(newProgress())).toEqual(newProgress());
  });

  test('skip jumps to the next module and counts the module as 0; back undoes the skip', () => {
    const p = skipModule(cat, run([3]));
    expect(qs[p.pos].module).toBe(2);
    expect(p.skipped).toEqual([1]);
    expect(scoreNba(cat, p.answers, { skipped: p.skipped }).modules[0].weighted).toBe(0);
    const back = goBack(p);
    expect(back.skipped).toEqual([]);
    expect(back.pos).toBe(1);
  });

  test('skipping the last module completes the check', () => {
    let p = newProgress();
    for (let m = 1; m <= 6; m++) p = skipModule(cat, p);
    expect(isComplete(cat, p)).toBe(true);
    expect(p.skipped).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test.each([
    ['zurück', 'back'], ['Zurück!', 'back'], ['back', 'back'], ['Teil überspringen', 'skip'], ['skip part', 'skip'],
    ['Pause', 'pause'], ['später weitermachen', 'pause'], ['weiter', 'repeat'], ['continue', 'repeat'],
    ['Ja, allein', undefined], ['nein', undefined],
  ])('control word %p → %p', (text, want) => {
    expect(controlWord(text, words)).toBe(want);
  });

  test('the report names the grade of the scoring module and what drove it', () => {
    // a mixed run: least independent in self-care (module 4), most independent elsewhere
    let p = newProgress();
    while (!isComplete(cat, p)) {
      const q = qs[p.pos];
      const n = cat.scales.find((s) => s.id === q.scale)!.options.length;
      p = answerQuestion(cat, p, q.module === 4 ? n - 1 : 0);
    }
    const r = selfCheckReport(cat, p, 'de', TODAY, keysOnly);
    const expected = scoreNba(cat, p.answers).grade;
    expect(r.grade).toBe(expected);
    expect(r.result).toContain(`selfcheck.result.head_grade{"grade":${expected}`);
    expect(r.result).toContain('selfcheck.result.drivers{"list":"selfcheck.result.driver_item{\\"title\\":\\"selfcheck.module_short.4');
    expect(r.file).toContain('selfcheck.summary.file_line');
  });

  test('a module\'s first question introduces the module; a later one does not, and names an earlier answer', () => {
    const first = questionMessage(cat, newProgress(), 'de', keysOnly, 'PREFIX');
    const parts = first.text.split('\n\n');
    expect(parts[0]).toBe('PREFIX');
    expect(parts[1]).toMatch(/^selfcheck\.module_intro\{"n":1,"count":6,/);
    expect(parts[2]).toMatch(/^selfcheck\.question\{"number":1,"total":/);
    expect(parts[parts.length - 1]).toBe('selfcheck.controls{}');
    const scale = cat.scales.find((x) => x.id === qs[0].scale)!;
    expect(first.buttons).toEqual(scale.options.map((o, i) => ({ kind: 'command', title: o.de, value: `sc:a:${i}` })));

    const back = goBack(run([2]));
    const again = questionMessage(cat, back, 'en', keysOnly);
    expect(again.text).toContain(`selfcheck.previous{"answer":"${scale.options[2].en}"}`);
    const second = questionMessage(cat, run([0]), 'de', keysOnly);
    expect(qs[run([0]).pos].module).toBe(qs[0].module);
    expect(second.text).toMatch(/^selfcheck\.question\{"number":2,/);
    expect(second.text).not.toContain('module_intro');
  });

  test('thresholds list every grade with its minimum, in the number format of each language format', () => {
    const de = thresholdsText(cat, 'de', keysOnly);
    expect(de.match(/threshold_item/g)).toHaveLength(cat.grades.length);
    expect(de).toContain('\\"min\\":\\"12,5\\"');
    expect(thresholdsText(cat, 'en', keysOnly)).toContain('\\"min\\":\\"12.5\\"');
  });

  test.each<[number, string[]]>([
    [3, ['overview:3', 'guide', 'letter:application', 'human', 'selfcheck:restart']],
    [0, ['guide', 'letter:application', 'human', 'selfcheck:restart']],
  ])('after a result of grade %p the ways on are %p', (grade, want) => {
    expect(reportButtons(grade, keysOnly).map((a) => a.value)).toEqual(want);
  });
});
