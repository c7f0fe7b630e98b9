// What a story tells: grade, setting, person, dementia, Stadtteil.
import { extractFacts, factConcepts, otherSettingConcepts, type MessageFacts } from '../../bot/nlu/facts';

describe('extractFacts', () => {
  test.each<[string, MessageFacts]>([
    ['Meine Mutter (Pflegegrad 3) lebt im Pflegeheim.', { grade: 3, setting: 'nursing_home', person: 'mother' }],
    ['Mein Vater hat PG 4 und geht in die Tagespflege.', { grade: 4, setting: 'daycare', person: 'father' }],
    ['Wir pflegen meinen Mann zu Hause, er hat Alzheimer.', { setting: 'home', person: 'spouse', dementia: true }],
    ['Meine Schwiegermutter liegt im Krankenhaus.', { setting: 'hospital', person: 'parent_in_law' }],
    ['Oma ist dement und wohnt noch bei sich.', { setting: 'home', person: 'grandparent', dementia: true }],
    ['My dad has care grade 2 and lives in a care home.', { grade: 2, setting: 'nursing_home', person: 'father' }],
    ['My wife has dementia, we manage at home.', { setting: 'home', person: 'spouse', dementia: true }],
    ['Wie viel Pflegegeld gibt es?', {}],
    // a denied fact is no fact (issue 17); what a person can no longer do is still told
    ['Mein Vater ist geistig völlig klar, keine Demenz. Er kommt kaum aus dem Bett.', { person: 'father' }],
    ['My mum does not have dementia, her legs are the problem.', { person: 'mother' }],
    ['Oma ist nicht im Pflegeheim, sie wohnt bei uns.', { setting: 'home', person: 'grandparent' }],
    ['Opa ist nicht dement, aber seit dem Schlaganfall verwirrt.', { person: 'grandparent', dementia: true }],
  ])('%s', (text, expected) => {
    expect(extractFacts(text)).toEqual(expected);
  });

  test('the Stadtteil comes from the city\'s place detection', () => {
    expect(extractFacts('Mutter wohnt in Saarn.', { detectStadtteil: (t) => (t.includes('Saarn') ? 'saarn' : undefined) }).stadtteil).toBe('saarn');
  });

  test('the setting and dementia become context concepts for retrieval', () => {
    expect(factConcepts({ setting: 'nursing_home', dementia: true })).toEqual(['nursing_home', 'dementia']);
    expect(factConcepts({ grade: 3, person: 'mother' })).toEqual([]);
  });
});

describe('otherSettingConcepts', () => {
  test.each<[string, string[]]>([
    ['Mein Vater wohnt seit einem Jahr im Pflegeheim. An wen wende ich mich?', ['home_care', 'care_service']],
    ['Meine Mutter wird zu Hause gepflegt. Was kann ich tun?', ['nursing_home']],
    ['Was kann ich tun?', []],
  ])('%s → %j', (text, want) => {
    expect(otherSettingConcepts(extractFacts(text))).toEqual(want);
  });
});
