// Who a question asks for (issue 17): a carer asking for herself ("für mich", "als pflegende
// Angehörige", "my own pension", "can I as the carer", "bekomme ich …") wants the carer's entry (her
// Pflege-Pauschbetrag, her pension points, her Kur); asking what the person cared for gets ("bekommt
// sie …", "does he get …", "her own pension") wants theirs. Pure; input is folded question text
// (bot/text/fold.ts foldMarks: lower case, diacritics removed; not `fold`, which turns English "does" into "dos").

export type Asker = 'self' | 'other';

// the asker as the subject or beneficiary of the question
const SELF = [
  /\bfue?r mich\b/, /\bmir (selbst|zu)\b/, /\bich als\b/, /\bals (pflegende|pflegender|pflegendem|pflegenden|ehefrau|ehemann|tochter|sohn|angehorige|angehoriger)\b/,
  /\bmeine[nmrs]? eigene[nmrs]?\b/, /\bmein eigenes\b/, /^(und |aber )?(bekomme|kriege|bin|habe|darf|kann|muss) ich\b/, /\b(bekomme|kriege|bin) ich\b/,
  /\bfor (me|myself)\b/, /\bmy own\b/, /\bi as\b/, /\bas (the|a|his|her|their|main|family) (main )?(carer|caregiver)\b/, /\bas (his|her) (wife|husband|daughter|son)\b/,
  /\b(do|can|could|will|am|would) i (get|claim|be|have|qualify)\b/,
];
// the person cared for as the subject of the question
const OTHER = [
  /\b(bekommt|kriegt|hat|ist) (sie|er|mama|papa|mutter|vater|oma|opa)\b/, /\b(ihre|seine)[nmrs]? eigene[nmrs]?\b/, /\b(ihr|sein) eigenes\b/,
  /\b(does|can|will|would|is) (she|he|mum|mom|dad|mother|father) (get|claim|be|have|qualify)\b/, /\b(her|his) own\b/,
];

/** who the question sentences ask for; undefined when they do not say */
export function askerOf(foldedQuestion: string): Asker | undefined {
  const self = SELF.some((re) => re.test(foldedQuestion));
  const other = OTHER.some((re) => re.test(foldedQuestion));
  if (self === other) return undefined;
  return self ? 'self' : 'other';
}

// Entries about the carer's own situation: their topics, or the carer concept. The cared person's tax
// status (Behinderten-Pauschbetrag: concept `disability`) is theirs even in the carer's tax topic.
const CARER_TOPICS = new Set(['carer_tax_pension', 'carer_support', 'work_leave']);
const CARER_CONCEPTS = new Set(['carer', 'family_carer']);

/** the entry is about the carer (not the person cared for) */
export function carerSubject(topic: string, concepts: readonly string[]): boolean {
  if (concepts.includes('disability')) return false;
  return CARER_TOPICS.has(topic) || concepts.some((c) => CARER_CONCEPTS.has(c));
}
