// What a message tells about the situation: care grade, where the person is cared for, who it is,
// dementia, the Stadtteil. These facts shape the answer (the amount for "Pflegegrad 3", the nursing
// home variant of a question); they are not stored beyond what the memory already keeps (grade,
// Stadtteil). Pure; German and English; input is the raw message.
import { extractGrade } from './grade';
import { negatedWords, wordIndexAt } from './negation';
import { foldText } from './normalise';

export type CareSettingFact = 'home' | 'daycare' | 'nursing_home' | 'hospital';
export type PersonFact = 'mother' | 'father' | 'parents' | 'spouse' | 'child' | 'grandparent' | 'parent_in_law' | 'sibling' | 'self' | 'other';

export interface MessageFacts {
  grade?: number;
  setting?: CareSettingFact;
  person?: PersonFact;
  dementia?: boolean;
  stadtteil?: string;
}

// Folded patterns (ä→a, ö→o, ü→u, ß→ss). Order matters: the first setting that matches wins, and the
// more specific ones (day care, hospital) come before the general ones. "im hiem" (two letters
// swapped, a frequent slip in a short word the spelling repair leaves alone) is the home too.
const SETTINGS: [CareSettingFact, RegExp][] = [
  ['daycare', /\b(tagespflege|tagesstatte|tagesgast|day care|daycare|day centre|day center)\b/],
  ['nursing_home', /\b(pflegeheim\w*|altenheim\w*|seniorenheim\w*|heimplatz|heimbewohner\w*|ins heim|im h(ei|ie)m|in(s| das| ein| einem| einen)? (pflege|alten|senioren)?h(ei|ie)m|heimvertrag\w*|heimkosten|stationar\w*|vollstationar\w*|care home|nursing home|residential care)\b/],
  ['hospital', /\b(krankenhaus\w*|klinik\w*|hospital|reha\w*|geriatrie)\b/],
  ['home', /\b(zu ?hause|daheim|bei uns|bei mir|bei sich|in (ihrer|seiner|der eigenen|unserer) wohnung|hausliche\w*|ambulant\w*|pflegedienst|at home|in (her|his|their) (own )?(flat|house|home)|with us)\b/],
];

const PERSONS: [PersonFact, RegExp][] = [
  ['parent_in_law', /\b(schwiegermutter|schwiegervater|schwiegereltern|mother-in-law|father-in-law|parents-in-law)\b/],
  ['grandparent', /\b(oma|opa|grossmutter|grossvater|grosseltern|grandma|grandpa|grandmother|grandfather|grandparents?|gran|nan)\b/],
  ['parents', /\b(meine eltern|unsere eltern|my parents|our parents)\b/],
  ['mother', /\b(mutter|mama|mutti|mum|mom|mother|mummy)\b/],
  ['father', /\b(vater|papa|vati|dad|father|daddy)\b/],
  ['spouse', /\b(mein(em|en)? mann|meine(r|n)? frau|ehemann|ehefrau|ehepartner\w*|partner(in)?|lebensgefahrt\w*|my (husband|wife|partner|spouse))\b/],
  ['child', /\b(mein(em|en)? sohn|meine(r)? tochter|unser(em|en)? (sohn|kind)|unsere(r)? tochter|my (son|daughter|child))\b/],
  ['sibling', /\b(bruder|schwester|brother|sister)\b/],
  ['self', /\b(ich (bin|habe|brauche) (selbst )?(pflegegrad|pflegebedurftig|demenz)|i (am|have) (care grade|dementia))\b/],
];

const DEMENTIA = /\b(demenz\w*|dement\w*|alzheimer\w*|dementia|demented|vergesslich\w*|verwirrt\w*|forgetful|confused)\b/;

export interface FactOptions {
  /** the city's place detection (Stadtteil, Ortsteil, postcode); left out in tests that need no place */
  detectStadtteil?: (text: string) => string | undefined;
}

/** `re` names something the text does not deny ("keine Demenz", "nicht im Heim" deny it; issue 17) */
function affirmed(f: string, denied: Set<number>, re: RegExp): boolean {
  if (!denied.size) return re.test(f);
  const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of f.matchAll(all)) if (!denied.has(wordIndexAt(f, m.index ?? 0))) return true;
  return false;
}

export function extractFacts(text: string, opts: FactOptions = {}): MessageFacts {
  const f = foldText(text);
  const denied = negatedWords(f);
  const facts: MessageFacts = {};
  const grade = extractGrade(text);
  if (grade !== undefined) facts.grade = grade;
  const setting = SETTINGS.find(([, re]) => affirmed(f, denied, re));
  if (setting) facts.setting = setting[0];
  const person = PERSONS.find(([, re]) => re.test(f));
  if (person) facts.person = person[0];
  if (affirmed(f, denied, DEMENTIA)) facts.dementia = true;
  const stadtteil = opts.detectStadtteil?.(text);
  if (stadtteil) facts.stadtteil = stadtteil;
  return facts;
}

/** The concepts a situation adds to the question ("im Heim" → nursing_home): entries that speak
 *  to that situation rank a little higher. */
export function factConcepts(facts: MessageFacts): string[] {
  const out: string[] = [];
  if (facts.setting === 'nursing_home') out.push('nursing_home');
  if (facts.setting === 'home') out.push('home_care');
  if (facts.setting === 'daycare') out.push('daycare');
  if (facts.setting === 'hospital') out.push('hospital');
  if (facts.dementia) out.push('dementia');
  return out;
}

/** The concepts of the other setting than the story's: a question from a nursing home is not about
 *  the home-care service's contract, one from home not about the home's ("shape the answer"). */
export function otherSettingConcepts(facts: MessageFacts): string[] {
  if (facts.setting === 'nursing_home') return ['home_care', 'care_service'];
  if (facts.setting === 'home') return ['nursing_home'];
  return [];
}
