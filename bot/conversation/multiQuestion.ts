// A message that asks several things ("Kann ich mich freistellen lassen, wie lange, und wovon soll
// ich leben?"): its distinct questions, and which of them get an answer of their own after the first
// one. The first question gets the full answer as usual; each further question that another entry
// answers confidently gets that entry's short answer (at most two more), one that only came close
// gets a button. Pure: retrieval is passed in, nothing here knows botbuilder.
import { questionSentences, readSentences } from '../nlu/message';

/** at most this many answers after the first one */
export const MAX_MORE = 3;
/** at most this many questions of one message are matched (each costs a retrieval or two) */
export const MAX_PARTS = 4;
/** a question part with at most this many words names no subject of its own ("wie lange", "and when?") */
const ELLIPTIC_WORDS = 2;

// Question words that open a part of a sentence after a comma or an "und": "…, wie lange, und wovon
// soll ich leben?", "…, and will the allowance stop?". Folded text is not needed: these are written
// with or without umlauts below.
const WH_DE = 'wie|was|wer|wem|wen|wo|wann|warum|wieso|weshalb|woher|wohin|womit|wofür|wofur|wovon|worauf|wozu|welche[rsmn]?|wieviel|ob';
const WH_EN = 'how|what|who|whom|where|when|why|which|whether';
const AUX_DE = 'kann|können|konnen|darf|dürfen|durfen|muss|müssen|mussen|soll|sollen|gibt|gilt|bekomme|bekommt|bekommen|zahlt|übernimmt|ubernimmt|'
  + 'habe|hat|haben|ist|sind|wird|werden|läuft|lauft|fällt|fallt|verfällt|verfallt|hört|hort|steht|stehen|brauche|braucht|müsste|musste|könnte|konnte|würde|wurde|'
  // "…, und geht das auch per Mail?", "Geht das, und …", "…, oder bleibt es dabei?"
  + 'geht|reicht|bleibt|stimmt|zählt|kriege|kriegt|besteht|hilft|wäre|ware|gäbe|gabe|bezahlt|lohnt|klappt|sollte|dürfte|durfte|'
  // "…, und kostet das etwas?", "…, und dauert das lange?", "…, oder passiert das automatisch?"
  + 'kostet|kosten|dauert|passiert|bringt|zahlen|übernehmen|ubernehmen|verliert|verliere|verlieren';
const AUX_EN = 'can|could|may|might|must|should|shall|will|would|do|does|did|is|are|was|were|has|have|had';

// ", wie lange", "und was darf sie", ", and will": a wh-word after a comma or "und/and/oder/or", or an
// auxiliary after a comma plus "und/and/oder/or" ("Mutter ist 80 und ist dement" stays one part).
// a question word may follow a preposition: "bis wann", "ab wann", "für wen", "from when", "for how long"
const PREP = 'bis|ab|seit|für|fur|mit|an|bei|von|in|auf|nach|um|über|uber|from|until|since|for|with|to|at|by';
const WH_AT = `(?:(?:${PREP})\\s+)?(?:${WH_DE}|${WH_EN})\\b`;
// Without a comma, "und"/"and" opens a question only when the verb comes before its pronoun subject,
// the word order of a question ("Wie viel darf er behalten und müssen wir Kinder zahlen?", "… and does
// it have to be in writing?"); "sie ist 84 und ist dement" (no pronoun after the verb) stays one part.
const SUBJ_DE = 'ich|wir|er|sie|es|man|du|ihr|das';
const SUBJ_EN = 'i|we|you|he|she|it|they|that|there';
const INVERTED = `(?:(?:${AUX_DE})\\s+(?:${SUBJ_DE})|(?:${AUX_EN})\\s+(?:${SUBJ_EN}))\\b`;
const SPLIT = new RegExp(
  `\\s*(?:,\\s*(?:(?:und|oder|and|or)\\s+)?(?=${WH_AT})|,\\s*(?:und|oder|and|or)\\s+(?=(?:${AUX_DE}|${AUX_EN})\\b)|\\s+(?:und|oder|and|or)\\s+(?=${WH_AT}|${INVERTED})|;\\s*)`,
  'i',
);
// "also muss ich …", "so can I …": a question that restates or narrows the one before still opens a part
const OPENS_QUESTION = new RegExp(`^(?:(?:und|aber|also|and|but|so)\\s+)?(?:${WH_AT}|(?:${AUX_DE}|${AUX_EN})\\b)`, 'i');
// A question told as a sentence: "ich frage mich, ob …", "weiß nicht ob …", "I wonder whether …", "not
// sure if …". Such a part asks on its own; it does not join the question after it.
const EMBEDDED = /\b(?:frage mich|fragen uns|wei(?:ß|ss) nicht|wissen nicht|nicht sicher|unsicher|wonder(?:ing)?|not sure|(?:don't|do not) know)\b,?\s+(?:ob|whether|if)\b/i;
// a question that starts after a full stop the sentence splitter kept (lower case after a number:
// "er hat pflegegrad 4. kann ich das absetzen")
const INNER_START = new RegExp(`\\.\\s+(?:(?:und|aber|and|but)\\s+)?(?:${WH_AT}|(?:${AUX_DE}|${AUX_EN})\\b)`, 'i');
const asksOnItsOwn = (p: string): boolean => OPENS_QUESTION.test(p) || EMBEDDED.test(p) || INNER_START.test(p);

// "wie viel wäre das bei ihr?", "und wie hoch ist der?", "how much would that be?": a part that asks
// for an amount. With few words of its own it names no subject: the amount of what the story and the
// first question are about (bot/conversation/understand.ts resolves it against the dated table's entries).
const ASKS_AMOUNT = /\b(?:wie ?viel|wieviel|wie hoch|welche[rnms]? (?:betrag|summe)|how much|how high|what amount)\b/i;

// "Stimmt das?", "Ist das erlaubt?", "Is that right?", "Is that true?": a short question about what the
// sentence before it said; alone it names nothing, so the claim before it is what retrieval reads.
const CHECK_WORDS = 4;
const DEICTIC = /\b(?:das|dies|so|that|this|it)\b/i;
// a German noun after the first word ("Geht das per E-Mail?", "Geht das auch ohne Antrag?"): the check
// question names its own subject and is read as written
const NAMES_NOUN = /\s\p{Lu}(?:\p{Ll}|-\p{Lu})/u;

/** A short question that only points back at what was said before it ("Stimmt das?", "Is that true?"). */
export function pointsBack(part: string): boolean {
  const strip = part.replace(/[?!.\s]+$/, '');
  return words(strip) <= CHECK_WORDS && DEICTIC.test(strip) && OPENS_QUESTION.test(strip) && !NAMES_NOUN.test(strip);
}

/** The part asks for an amount ("wie viel übernimmt die Kasse", "how much would that be"). */
export function asksAmount(part: string): boolean {
  return ASKS_AMOUNT.test(part);
}

export interface AskedPart {
  /** the part as written ("wie lange") */
  text: string;
  /** asks for an amount: answered only by an entry that names one (from the dated table) */
  amount: boolean;
  /** what retrieval reads: an elliptic part borrows the sentence's first part ("wie lange kann ich mich freistellen lassen") */
  query: string;
  /** the other parts of the same sentence, said as story: "wovon soll ich leben?" is about the leave asked for before it */
  around: string[];
}

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/** The parts of one question sentence, each opening with a question word; a part that does not
 *  ("Ich weiß nicht, wie …") joins the next. */
export function splitSentence(sentence: string): string[] {
  const raw = sentence.split(SPLIT).map((p) => p.trim().replace(/^[,;]\s*/, '')).filter((p) => /[\p{L}\d]/u.test(p));
  const parts: string[] = [];
  let carry = '';
  for (const p of raw) {
    const joined = carry ? `${carry}, ${p}` : p;
    if (!OPENS_QUESTION.test(joined) && !asksOnItsOwn(p)) {
      carry = joined;
      continue;
    }
    // the story before the first question word belongs to that question
    parts.push(joined);
    carry = '';
  }
  if (carry) {
    if (parts.length) parts[parts.length - 1] = `${parts[parts.length - 1]}, ${carry}`;
    else parts.push(carry);
  }
  return parts;
}

/** The distinct questions of a message in order: its question sentences, each split at ", wie …",
 *  "und was …", ", and will …". One question (or none) gives a list of at most one. */
export function splitQuestions(text: string): AskedPart[] {
  const sentences = readSentences(text);
  const claimBefore = (s: (typeof sentences)[number]): string | undefined => {
    const prev = sentences[sentences.indexOf(s) - 1];
    return prev && !prev.question ? prev.text.replace(/[.!:;\s]+$/, '') : undefined;
  };
  const asked = sentences.filter((s) => s.question);
  // only sentences that ask: a request said as a statement is one question, never split
  if (!asked.length) return questionSentences(sentences).slice(0, 1).map((s) => ({ text: s.text, query: s.text, around: [], amount: asksAmount(s.text) }));
  const out: AskedPart[] = [];
  for (const s of asked) {
    const parts = splitSentence(s.text);
    parts.forEach((p, i) => {
      const strip = p.replace(/[?!.\s]+$/, '');
      // "wie lange": the sentence's first part says what it is about; "Stimmt das?" / "Geht das, und …":
      // the claim or plan told just before it, asked as a question
      const claim = i === 0 && pointsBack(p) ? claimBefore(s) : undefined;
      const query = claim ? `${claim}?` : i > 0 && words(strip) <= ELLIPTIC_WORDS ? `${strip} ${parts[0].replace(/[?!.\s]+$/, '')}?` : p;
      const around = parts.filter((_, j) => j !== i).map((o) => `${o.replace(/[?!.,\s]+$/, '')}.`);
      out.push({ text: p, query, around, amount: asksAmount(p) });
    });
  }
  return out;
}

/** What retrieval made of one question part. */
export interface PartMatch {
  id: string;
  /** the entry (or topic) this match answers under: a part whose match is the first answer's topic
   *  overview adds nothing */
  topic?: string;
  score: number;
  /** retrieval is sure enough to answer it (an entry over its topic, or a clear topic) */
  confident: boolean;
  /** the candidates that came as close as the match (the match first): when the first answer is among
   *  them, that answer already speaks to this question */
  near: string[];
  /** which rule chose it (chat --explain): the part's own entry, a clear topic, the best candidate
   *  (unsure), or the amount an amount question asks for */
  rule?: 'entry' | 'topic' | 'best' | 'amount' | 'aspect';
  /** the part's text as read, with the rest of its sentence when it said too little alone */
  read?: string;
  /** a neighbour as close as the match that covers more of the concepts the part names: it answers
   *  the part when the match is already shown ("Kann mir gekündigt werden, wenn ich Pflegezeit
   *  beantrage?" under a Pflegezeit answer: the dismissal entry) */
  next?: string;
}

export interface AnswerPlan {
  /** entries answered with their short answer after the first one, in the order asked */
  short: string[];
  /** entries offered as a button ("Auch gefragt: …") */
  buttons: string[];
  /** those of `short` that answer a question asked before the one the first answer matched: shown
   *  before the first answer, so the answers keep the order of the questions (unset when none) */
  before?: string[];
}

/** From this score an entry of the subject's topic that speaks to a further question's aspect answers it. */
export const ASPECT_FLOOR = 0.3;
/** … and at most this much below the part's own match when that match is an entry */
export const ASPECT_MARGIN = 0.1;

/** A candidate as retrieval ranked it for a part (bot/nlu/retrieve.ts Candidate, the fields read here). */
export interface RankedCandidate { id: string; kind: 'entry' | 'topic'; topic: string; score: number }

/** A further question that asks one aspect of the story's subject ("was müssen wir selbst bezahlen?",
 *  "how long does it take them to decide?", "ab wann?"): its own words name little but the aspect, so
 *  retrieval lands on the subject's overview, on the answer already shown, or on nothing sure. The
 *  entry of the subject's topic that reads best among those whose short answer speaks to that aspect
 *  answers it (`speaks`: the answer_<aspect> word lists on the short answer). A part sure of an entry
 *  of its own keeps it. `ranked`: every candidate for the part, asked for only when the match gives way
 *  (ranking every entry is the costly step). */
export function aspectMatch(
  match: PartMatch | undefined, subject: string | undefined, shown: ReadonlySet<string>,
  ranked: () => readonly RankedCandidate[], speaks: (id: string) => boolean,
): PartMatch | undefined {
  if (!match || !subject) return undefined;
  const stale = match.id === subject || shown.has(match.id) || !match.confident;
  if (!stale) return undefined;
  // the subject's overview always gives way to its entry for the aspect; an entry match only to one that
  // reads about as well ("can we sue if the objection is rejected?" keeps the court entry at 1.09 over
  // the one on help with an objection at 0.36)
  const floor = match.id === subject ? ASPECT_FLOOR : Math.max(ASPECT_FLOOR, match.score - ASPECT_MARGIN);
  const best = ranked().find((c) => c.kind === 'entry' && c.topic === subject && !shown.has(c.id) && c.score >= floor && speaks(c.id));
  if (!best || best.id === match.id) return undefined;
  return { id: best.id, topic: best.topic, score: best.score, confident: true, near: [best.id], rule: 'aspect', read: match.read };
}

/** From this score an unsure match of a further question is still worth a button. */
export const BUTTON_FLOOR = 0.4;

/** Which further questions get their own answer after `first` (the id answered in full): distinct
 *  entries only, never a question the first answer (or an earlier planned one) came close on, at
 *  most MAX_MORE in all. */
export function planAnswers(first: { id: string }, matches: readonly (PartMatch | undefined)[]): AnswerPlan {
  const plan: AnswerPlan = { short: [], buttons: [] };
  const seen = new Set([first.id]);
  // the first answer stands for the question that matched it; when none did (it was chosen for the
  // whole message), it stands for the first question, and that question's own match adds a second
  // answer only when it is worth a button at least (a weak one is mostly a stray word: "zu Hause
  // bleiben" → the entry on a death at home). Skipping every such first part lost 3 cases (session 14).
  const firstMatched = matches.some((m) => m && (m.id === first.id || m.near.includes(first.id)));
  // the question the first answer is the match of; answers to questions before it are shown before it
  const firstAt = matches.findIndex((m) => m?.id === first.id);
  const answer = (id: string, i: number) => {
    plan.short.push(id);
    if (i < firstAt) plan.before = [...plan.before ?? [], id];
  };
  for (const [i, match] of matches.entries()) {
    if (i === 0 && !firstMatched && (match?.score ?? 0) < BUTTON_FLOOR) continue;
    let m = match;
    // an earlier unsure part offered this entry as a button; a part sure of it answers it after all
    if (m?.confident && plan.buttons.includes(m.id)) {
      plan.buttons.splice(plan.buttons.indexOf(m.id), 1);
      answer(m.id, i);
      continue;
    }
    // the part's match is already shown, but a neighbour as close speaks to more of what it names
    if (m && seen.has(m.id) && m.next && !seen.has(m.next)) m = { ...m, id: m.next, next: undefined };
    // … or, when no neighbour covers more, the first candidate as close that is not shown yet: a sure
    // part ("will we children have to pay?" after the savings answer) asks something the shown answer
    // does not say, and retrieval's near tie is the likeliest entry for it (session 14)
    else if (m?.confident && seen.has(m.id)) {
      const alt = m.near.find((id) => !seen.has(id));
      if (alt) m = { ...m, id: alt };
    }
    // the first answer (or one already planned) is this question's match, or came as close as an
    // unsure match: it speaks to this question too. A part that retrieval answers with confidence
    // keeps its own entry even when the first answer came close ("Bekommt jeder einen Zuschuss?"
    // after a story answered with the entry on a second grant).
    if (!m || seen.has(m.id) || (!m.confident && m.near.some((id) => seen.has(id)))) continue;
    if (plan.short.length + plan.buttons.length >= MAX_MORE) break;
    seen.add(m.id);
    if (m.confident) answer(m.id, i);
    else if (m.score >= BUTTON_FLOOR) plan.buttons.push(m.id);
  }
  return plan;
}
