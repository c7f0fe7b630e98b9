// The threshold is chosen on cross-validated answers of the training utterances only.
import type { Corpus } from '../../bot/knowledge/schema';
import { bestThreshold, calibrateThreshold, THRESHOLD_GRID } from '../../bot/nlu/calibrate';
import type { EvalItem } from '../../bot/nlu/evaluate';

const item = (expected: string, rawIntent: string, rawScore: number): EvalItem => ({ text: '', expected, got: rawIntent, rawIntent, rawScore });

describe('bestThreshold', () => {
  it.each([
    ['confident right answers: never None', [item('a', 'a', 0.9), item('b', 'b', 0.8), item('a', 'a', 0.7)], 0],
    ['unsure wrong answers that should be None', [item('a', 'a', 0.9), item('None', 'b', 0.3), item('None', 'a', 0.4), item('b', 'b', 0.6)], 0.45],
    ['a tie keeps the lowest threshold', [item('a', 'a', 0.9), item('None', 'b', 0.3), item('b', 'b', 0.2)], 0],
  ])('%s', (_name, items, expected) => {
    const c = bestThreshold(items, 'None');
    expect(c.threshold).toBe(expected);
    expect(c.curve).toHaveLength(THRESHOLD_GRID.length);
    expect(c.accuracy).toBe(Math.max(...c.curve.map((p) => p.accuracy)));
  });

  it('counts an answer of the none label itself as None at every threshold', () => {
    const c = bestThreshold([item('None', 'None', 0.9), item('a', 'a', 0.9)], 'None');
    expect(c.curve.every((p) => p.accuracy === 1)).toBe(true);
  });
});

describe('calibrateThreshold', () => {
  const corpus = (tests: string[]): Corpus => ({
    name: 'cal', locale: 'en',
    data: [
      { intent: 'password', utterances: ['change my password', 'reset password', 'forgot my password', 'new password please', 'update password', 'password change how'], tests },
      { intent: 'delete', utterances: ['delete my account', 'remove my account', 'close account', 'cancel my account', 'account deletion', 'delete profile'], tests },
      { intent: 'None', utterances: ['what is the weather', 'tell me a joke', 'best pizza nearby', 'who won the game', 'play some music', 'how old are you'], tests },
    ],
  });

  it('returns a grid threshold with its cross-validated accuracy, and never reads the tests', async () => {
    const a = await calibrateThreshold(corpus(['x']), { noneLabel: 'None', k: 3, seeds: [1] });
    const b = await calibrateThreshold(corpus(['completely different test sentences', 'y']), { noneLabel: 'None', k: 3, seeds: [1] });
    expect(THRESHOLD_GRID).toContain(a.threshold);
    expect(a.accuracy).toBeGreaterThan(0.5);
    expect(b).toEqual(a);
  });
});
