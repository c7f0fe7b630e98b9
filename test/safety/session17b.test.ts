// Table tests of session 17b: look-alikes of a whole message. A walk-out told in one sentence and
// "found" in another is over (no missing-now crisis), while a person missing now — also beside a
// "not found yet" or an earlier walk-out that was found — stays clear. A person with dementia who hits
// out at the carer, told with a question how to cope, is challenging behaviour (the care answer), not
// violence against the person cared for; without the coping question, or with the writer's fear, the
// violence crisis stays.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';
import { ruledOutKinds, type MessageLookAlike } from '../../bot/safety/messageLookAlikes';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('ruledOutKinds (pure)', () => {
  const rules: MessageLookAlike[] = [
    { kind: 'missing', all: ['found'], notPast: true },
    { kind: 'violence', all: ['hits_me', 'dementia', 'coping'], unless: ['fear'] },
  ];
  const holds = (ids: string[], notPastIds: string[] = ids) => (id: string, notPast: boolean): boolean => (notPast ? notPastIds : ids).includes(id);
  test.each<[string, string[], string[] | undefined, string[]]>([
    ['every cue of the rule', ['found'], undefined, ['missing']],
    ['a cue only in a past sentence does not count for a notPast rule', ['found'], [], []],
    ['all three cues', ['hits_me', 'dementia', 'coping'], undefined, ['violence']],
    ['one cue missing', ['hits_me', 'dementia'], undefined, []],
    ['an unless cue', ['hits_me', 'dementia', 'coping', 'fear'], undefined, []],
    ['no cue', [], undefined, []],
  ])('%s', (_why, ids, notPastIds, expected) => {
    expect([...ruledOutKinds(rules, holds(ids, notPastIds))].sort()).toEqual(expected);
  });
  test('only: looks at one kind', () => {
    expect([...ruledOutKinds(rules, holds(['found', 'hits_me', 'dementia', 'coping']), 'violence')]).toEqual(['violence']);
  });
});

describe('session 17b: a walk-out found in another sentence is over', () => {
  test.each<[string]>([
    ['Opa ist heute aus dem Heim weggelaufen. Die Polizei hat ihn gefunden. Wie können wir das künftig verhindern?'],
    ['Mama ist heute Mittag verschwunden. Ein Nachbar hat sie an der Haltestelle entdeckt und heimgebracht.'],
    ['Papa ist seit dem Frühstück weggelaufen. Jetzt ist er wieder da, zum Glück.'],
    ['My dad has gone missing from the ward this morning. The police found him two streets away. Should we ask for another ward?'],
    ['grandma wandered off from the day centre today. she was found at the bus stop, what can we do so it doesnt happen again'],
  ])('%s → no missing crisis', (text) => {
    expect(label(text)).not.toBe('missing/clear');
  });
  test.each<[string]>([
    ['Mama ist seit heute Mittag verschwunden. Wir haben sie noch nicht gefunden.'],
    ['Opa ist seit zwei Stunden verschwunden. Letztes Jahr hat die Polizei ihn gefunden, diesmal suchen wir schon überall.'],
    ['My wife has been missing since this morning, she has dementia. Nobody has found her yet.'],
  ])('%s → missing/clear', (text) => {
    expect(label(text)).toBe('missing/clear');
  });
});

describe('session 17b: a person with dementia hitting out at the carer who asks how to cope', () => {
  test.each<[string]>([
    ['Meine Mutter hat Alzheimer, sie schreit und schlägt nach mir beim Waschen. Wie kriege ich das hin?'],
    ['my dad with dementia hits out at me when i change his pad, how do other carers deal with that'],
    ['Mein Mann ist dement und hat mich heute gekratzt und gebissen. Habt ihr Tipps?'],
    ['My mum has Alzheimers and slaps me when I try to dress her. What can I do?'],
  ])('%s → not violence/clear', (text) => {
    expect(label(text)).not.toBe('violence/clear');
  });
  test.each<[string]>([
    // the person cared for is the victim
    ['Meine Mutter hat Demenz, und die Pflegerin schlägt sie. Was kann ich tun?'],
    ['My dad has dementia and the night carer slaps him. What can I do?'],
    // no coping question, the writer is afraid
    ['Mein Mann ist dement, er schlägt nach mir und ich habe Angst vor ihm.'],
  ])('%s → violence/clear', (text) => {
    expect(label(text)).toBe('violence/clear');
  });
});

describe('session 17b: a person with dementia not back now (combination not_back + dementia)', () => {
  test.each<[string]>([
    ['Opa ist dement und seit dem Abendessen nicht zurück vom Spaziergang.'],
    ['Mein Mann hat Alzheimer und ist seit zwei Stunden nicht vom Einkaufen zurück.'],
    ['Meine Nachbarin hat Demenz. Ihre Tür steht offen und sie ist nirgends zu finden.'],
    ['Dad has dementia and hasnt come back from his walk, its dark now.'],
    ['my nan has alzheimers and is nowhere to be found'],
  ])('%s → missing/clear', (text) => {
    expect(label(text)).toBe('missing/clear');
  });
  test.each<[string]>([
    ['Papa hat Demenz und kommt nach der Reha nicht mehr nach Hause zurück, er zieht ins Heim.'],
    ['Mama hat Demenz und ist nach der Kurzzeitpflege nicht mehr in ihre Wohnung zurück. Wer kündigt den Mietvertrag?'],
    ['Was mache ich, wenn mein Mann mit Demenz vom Spaziergang nicht zurückkommt?'],
    ['My mum has dementia and is not back to her old self since the hospital stay.'],
  ])('%s → no missing crisis', (text) => {
    expect(label(text)).not.toBe('missing/clear');
  });
});

describe('session 17b: kept away from the family and sounding scared (combination cut_off + scared_voice)', () => {
  test.each<[string]>([
    ['Seit der Neffe bei ihr wohnt, darf keiner mehr zu ihr. Am Telefon klingt sie ganz verängstigt.'],
    ['His new girlfriend wont let us see him and he sounded scared on the phone.'],
  ])('%s → violence/clear', (text) => {
    expect(label(text)).toBe('violence/clear');
  });
  test.each<[string]>([
    ['My mum has dementia and is scared of the dark. The care home will not let us visit after 8 pm.'],
    ['Wegen der Grippewelle dürfen wir Papa im Heim nicht besuchen, er ist ganz ängstlich geworden.'],
  ])('%s → not violence/clear', (text) => {
    expect(label(text)).not.toBe('violence/clear');
  });
});

describe('session 17b: neglect by the relative or service who cares (combination cared_by + deprived)', () => {
  test.each<[string]>([
    ['Oma wird von ihrem Sohn gepflegt, aber sie sitzt verdreckt und hungrig in der Küche.'],
    ['Mein Onkel bekommt das Pflegegeld, aber Opa ist total abgemagert und der Kühlschrank ist leer.'],
    ['My gran is looked after by her son but she is filthy and hungry every time I visit.'],
  ])('%s → neglect/clear', (text) => {
    expect(label(text)).toBe('neglect/clear');
  });
  test.each<[string]>([
    // a sore with a service question: the care answer with the gentle line, as before
    ['Mama wird von ihrem Sohn gepflegt, aber sie hat jetzt einen Dekubitus. Welche Matratze zahlt die Kasse?'],
    ['Mein Vater wird von meiner Schwester gepflegt. Wie beantragen wir Pflegegeld?'],
  ])('%s → not neglect/clear', (text) => {
    expect(label(text)).not.toBe('neglect/clear');
  });
});

describe('session 17b: the carer in hospital and the person now alone', () => {
  test.each<[string]>([
    ['Seine Frau pflegt ihn, aber sie liegt seit heute Abend im Krankenhaus. Jetzt ist er allein und kann nicht aufstehen.'],
    // the carer who cancelled tonight, beside a need now
    ['die pflegerin hat heute abend abgesagt und papa der nicht allein aufs klo kann ist allein, wer kommt nachts'],
  ])('%s → out_of_hours/clear', (text) => {
    expect(label(text)).toBe('out_of_hours/clear');
  });
  test.each<[string]>([
    ['Die Pflegerin hat für nächste Woche abgesagt, Papa kann nicht allein aufs Klo. Wer springt dann ein?'],
    ['Was mache ich, wenn die Pflegerin mal kurzfristig absagt und Papa nicht allein aufs Klo kann?'],
  ])('%s → not out_of_hours/clear', (text) => {
    expect(label(text)).not.toBe('out_of_hours/clear');
  });
});
