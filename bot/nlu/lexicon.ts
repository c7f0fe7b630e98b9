// Command words as data: locales/<lng>/commands.json lists, per word list, the words and short
// patterns of each language (regex source, matched case-insensitively). They are compiled once into
// one lexicon for all languages (a German conversation may still type "cancel"), validated at
// start-up with the file and line of a bad entry. A new language adds its file, and no code.
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { ContentError, lineOfPath } from '../knowledge/jsonFile';
import { fold } from '../text/fold';

/** How a list matches: the whole message, a word anywhere, a pattern anywhere, a word that begins
 *  or ends the text, a word that begins a sentence, or a unit right after a number (the number is
 *  the match's first group); 'folded_word' is 'word' with text and patterns folded alike
 *  (bot/text/fold: "verfällt", "verfaellt" and "verfallt" meet); 'word_no_letter_after' is 'word'
 *  whose end only needs no letter a-z after it (a digit may follow); 'after_words' is a unit after up
 *  to three words (the first group), which the caller reads as a number written out ("sechzig Prozent"). */
type Anchor = 'whole' | 'word' | 'contains' | 'start' | 'end' | 'sentence_start' | 'after_number' | 'after_words' | 'folded_word' | 'word_no_letter_after';

/** Every word list the dialogs use, with how it matches. A file may name only these. */
export const WORD_LISTS = {
  /** leave a running dialog and show the topics */
  menu: 'whole',
  /** show the topics, but inside a dialog an answer ("start" starts the self-check) */
  menu_outside_dialog: 'whole',
  /** leave a running dialog */
  cancel: 'whole',
  /** explain what can be done here (and re-ask inside a dialog) */
  help: 'whole',
  /** typed instead of pressing "Mehr dazu" */
  more: 'whole',
  /** the answer to "delete everything?" */
  yes: 'whole',
  /** "ja" to the step an answer offered ("Soll ich das Datum ausrechnen?") */
  accept: 'whole',
  /** a care grade answer meaning none or unknown */
  grade_unknown: 'whole',
  /** the self-check's typed controls and the word that starts it */
  selfcheck_back: 'whole',
  selfcheck_skip: 'whole',
  selfcheck_pause: 'whole',
  selfcheck_repeat: 'whole',
  selfcheck_start: 'whole',
  /** a statement that still asks about applying ("… und wir wollen einen höheren beantragen") */
  apply_request: 'contains',
  /** a notice arrived or is objected to: the objection deadline */
  deadline_objection: 'contains',
  /** an application: the decision deadline */
  deadline_decision: 'contains',
  /** an application that was made, not one being planned ("wenn ich heute den Antrag stelle") */
  application_made: 'contains',
  /** "der Bescheid kam am …" */
  notice_received: 'contains',
  /** "Frist berechnen", "work out the date": the calculation itself is asked for */
  compute: 'word',
  /** asks for a provider nearby rather than for an explanation */
  local_search: 'word',
  /** asks for a letter template rather than an explanation */
  letter_request: 'contains',
  /** "Rückruf", "call me back" */
  callback_request: 'word',
  /** "und Essen auf Rädern?": the next kind of help in the same district */
  and_also: 'start',
  /** one of the last words of a short question points back at the topic just answered */
  refers_back: 'end',
  /** the first words of a question of its own ("Wie viel …"), not just an answer to a prompt */
  question_start: 'start',
  /** "Was hat sich zum 1. Januar geändert?" */
  changes_question: 'contains',
  /** The lists below are matched against folded text (bot/text/fold.ts: lower case, no umlauts),
   *  unless marked raw: their words are written folded. */
  /** a deadline question about when benefits start ("ab wann", "backdated") */
  rule_from_when: 'word',
  /** a deadline question about an objection or a notice */
  rule_objection: 'word',
  /** a deadline question about an application's decision */
  rule_decision: 'word',
  /** a question sentence that asks for a date to be worked out */
  asks_date: 'word',
  /** a question sentence that asks which grade to expect (the self-check) */
  asks_selfcheck: 'word',
  /** words about the grade itself: whether it is right, how to estimate or raise it */
  about_the_grade: 'word',
  /** a question word anywhere */
  question_word: 'word',
  /** a question's first word at the start of a sentence ("Kann …", "Is …") */
  question_lead: 'sentence_start',
  /** asks what is left of the Pflegegeld */
  asks_rest: 'word',
  /** raw: words that ask for offers ("wo finde ich", "looking for") */
  offer_request: 'word',
  /** raw (lower case): the unit after a percentage ("60 %", "60 Prozent") */
  percent_unit: 'after_number',
  /** raw (lower case): the same unit after a number written as words ("sechzig Prozent", "sixty percent") */
  percent_unit_word: 'after_words',
  /** raw (lower case): half of it ("die Hälfte") */
  half: 'word',
  /** a share told as a fraction ("ein Viertel", "three quarters"): 25 and 75 % (bot/care/benefitsText.ts percentFrom) */
  quarter: 'word',
  three_quarters: 'word',
  /** a share told as thirds ("ein Drittel", "two thirds"): 33⅓ and 66⅔ % (percentFrom) */
  third: 'word',
  two_thirds: 'word',
  /** folded: a statement that still requests something ("ich brauche …"), so it is no bare statement */
  statement_request: 'word',
  /** folded: a statement that names a notice or an objection, so it wants its deadline */
  statement_notice: 'word',
  /** folded: how the last answer's situation affects another benefit ("wird … gekürzt", "does he keep") */
  effect: 'word',
  /** folded: the opening of an elliptic follow-up ("und bei 4?", "what about …"); the first word that
   *  matches is the one cut off, so a language lists its short words first as before */
  elliptic_lead: 'start',
  /** folded: words that can only point back ("dafür", "davon", "it") */
  strong_pointer: 'word',
  /** folded: a pointer at the last answer's situation ("in der Zeit", "meanwhile") */
  situation_pointer: 'word_no_letter_after',
  /** folded: "dann", "then": with an effect word the question is about the last answer's situation */
  situation_then: 'word',
  /** folded: what a sentence of the last answer must say to answer an aspect of it (aspects.ts);
   *  the who-words begin a word, so each is written with its leading \\b */
  /** folded: asks what is left of a budget ("wie viel ist noch übrig", "how much is left") */
  asks_left: 'word',
  /** folded: asks for an amount ("wie viel … maximal", "how much"): after an answer whose amount
   *  depends on the grade, a short follow-up with it is answered by that amount (followUp.ts) */
  asks_amount: 'word',
  /** folded: what the fund pays ("was zahlt die Kasse", "what does the care fund cover"): with a told grade an
   *  amount question (bot/conversation/thread.ts toldGradeAmountTopic) */
  asks_fund_pays: 'folded_word',
  /** folded: asks what money or benefits there are at all, naming none ("Was steht ihr an Geld zu?", "what money
   *  can she get?"): with a told grade the grade's benefits overview (bot/conversation/route.ts toldGradeMoneyQuestion) */
  asks_money_generic: 'folded_word',
  /** folded: tells that part of a budget was used ("schon 2.000 € ausgegeben", "we already paid"); the
   *  amount is kept for a later "wie viel bleibt noch?" (bot/conversation/budget.ts spentFromText) */
  spent: 'word',
  /** folded: opens a correction without "ich meinte" ("Moment,", "ich hab mich vertan,", "my mistake,");
   *  the rest is what is meant (bot/conversation/followUp.ts readCorrection) */
  correction_lead: 'start',
  answer_expiry: 'contains',
  answer_from_when: 'contains',
  answer_deadline: 'contains',
  answer_duration: 'contains',
  /** folded: a sentence that says how an amount changes over time ("im ersten Jahr … nach mehr als") */
  answer_change: 'contains',
  answer_repay: 'contains',
  answer_billing: 'contains',
  /** folded: a sentence that says what a benefit may be used for ("Nutzen können Sie ihn für …",
   *  "erstattet Kosten für Tagespflege …") */
  answer_use: 'contains',
  /** folded: a sentence that says who gets a benefit ("ab Pflegegrad 2", "applies from care grade 1", "entitled") */
  answer_eligible: 'contains',
  answer_cost: 'contains',
  answer_who: 'contains',
  /** folded: a sentence that names the office something is applied for, sent to or settled with
   *  ("Den Antrag … stellen Sie bei der Pflegekasse", "rechnen Sie … mit der Pflegekasse ab") */
  answer_office: 'contains',
  answer_consequence: 'contains',
  answer_refused: 'contains',
  /** folded: a sentence that says who visits to assess ("der Medizinische Dienst … besucht", "an assessor … visits") */
  answer_visit: 'contains',
  /** folded: a sentence that sets an office a time for a duty ("Innerhalb von 2 Wochen muss sie Ihnen eine
   *  Pflegeberatung anbieten"): no answer to how long the procedure takes (aspects.ts aspectSentences) */
  duty_deadline: 'contains',
  answer_several: 'contains',
  answer_own_share: 'contains',
  /** folded: a sentence that says in what form something is done (in writing, informally, by phone) */
  answer_form: 'contains',
  /** the care setting a message names, checked in this order (a nursing home before the family) */
  setting_nursing_home: 'contains',
  setting_day_care: 'contains',
  setting_home_care: 'contains',
  setting_relatives: 'contains',
  /** folded: a setting the answer denies ("ein Pflegedienst kommt nicht", "no care service"): left out
   *  before the setting words are read (bot/care/benefitsText.ts settingFromText) */
  setting_denied: 'folded_word',
  /** folded: the person moves (back) home ("zu uns nach Hause zieht", "moves in with us"): a follow-up
   *  with it is about care at home (bot/conversation/followUp.ts) */
  moves_home: 'folded_word',
  /** folded: a correction that names what was meant ("ich meinte die Tagespflege", "I meant day care"):
   *  after a money answer, the money topic it names (bot/conversation/followUp.ts) */
  meant_topic: 'folded_word',
  /** folded: the family wants the money itself instead of the service ("wenn wir das Geld lieber selber wollen",
   *  "if we'd rather have the money ourselves"): after the service's amount, the care allowance (followUp.ts) */
  cash_instead: 'folded_word',
  /** folded: the family does the caring itself ("ich pflege ihn", "wir kümmern uns um alles", "i look after him",
   *  "we do all the caring"): a statement with it after a money answer is the care allowance (followUp.ts) */
  family_cares: 'folded_word',
  /** folded, anchored: a last sentence that only asks what one gets ("is that what we get?", "was bekommt sie jetzt?"):
   *  the family_cares statement before it is still read (followUp.ts statementBeforeWhatWeGet) */
  asks_what_get: 'folded_word',
  /** folded: a relative named as one of the carers ("my husband and i", "meine Frau und ich"): with family_cares
   *  that relative cares and is not the person cared for (followUp.ts) */
  carers_named: 'folded_word',
  /** what a short question asks about the last answer ("Verfällt das?", "Wer beantragt das?"),
   *  checked in this order (bot/conversation/followUp.ts ASPECT_ORDER: "Wer zahlt dafür?" is cost) */
  aspect_expiry: 'folded_word',
  aspect_from_when: 'folded_word',
  aspect_deadline: 'folded_word',
  aspect_duration: 'folded_word',
  aspect_repay: 'folded_word',
  /** what follows when the office says no (again) ("und wenn die nochmal nein sagen?", "what if they say
   *  no again?", "falls sie den Widerspruch auch ablehnen"): the next legal step the answer names */
  aspect_refused: 'folded_word',
  /** someone comes to the home ("muss da jemand zu uns nach Hause kommen?", "will someone come to the house?"):
   *  the assessor's visit the answer names */
  aspect_visit: 'folded_word',
  aspect_billing: 'folded_word',
  /** what a benefit may be spent on ("wofür kann ich das nehmen?", "what can I use it for?") */
  aspect_use: 'folded_word',
  /** who gets a benefit ("wer bekommt das?", "who can get it?", "do we qualify?"), before the cost ("wer
   *  bekommt das Geld?" asks who, not how much) */
  aspect_eligible: 'folded_word',
  /** folded: "the allowance" with nothing before it that names another one ("do we still get the
   *  allowance then"): in a follow-up, the care allowance (followUp.ts withAllowanceAlone) */
  allowance_alone: 'folded_word',
  aspect_cost: 'folded_word',
  aspect_who: 'folded_word',
  /** in what form ("muss das schriftlich sein?", "can I do it by phone?") */
  aspect_form: 'folded_word',
  /** what happens when something is not done ("was passiert, wenn wir das nicht machen?") */
  aspect_consequence: 'folded_word',
  /** whether it changes over time ("wird das mit der Zeit mehr?", "does it go up later?") */
  aspect_change: 'folded_word',
  /** that more than one person needs care ("die haben beide einen Pflegegrad", "both have a grade"):
   *  asks what the last answer says for several people */
  aspect_several: 'folded_word',
  /** what the family pays itself ("muss man da was selber zahlen?", "do we pay anything ourselves?"),
   *  before the cost, whose answer is the fund's amount */
  aspect_own_share: 'folded_word',
  aspect_where: 'folded_word',
  /** folded: opens a changed condition ("und wenn es länger dauert?", "and if …"): the rest is read
   *  against the last answer's sentences (bot/conversation/followUp.ts conditionClause) */
  condition_lead: 'start',
  /** folded: a short statement that corrects what the last answer assumed ("die wohnt aber im Heim",
   *  "sorry she is grade 2 actually"): with only a grade, setting or person it is elliptic */
  fact_correction: 'word',
  /** folded: particles that add nothing to what is asked ("eigentlich", "überhaupt", "actually", "just"):
   *  left out before a follow-up's aspect words are matched and its words counted (followUp.ts withoutFillers) */
  filler: 'folded_word',
  /** lower case: declines an offered step and goes on ("nein danke, wie beantrage ich …"): the rest is the question */
  decline_lead: 'start',
  /** folded: a pointer at the place the thread knows ("bei uns", "near her"): a where-question with it
   *  is about the last answer's kind of help there (bot/conversation/followUp.ts) */
  place_pointer: 'word',
  /** a request for help that names no kind of help ("ich brauche Unterstützung", "I need some help"):
   *  with nothing else in the message it gets the kind-of-help question (bot/conversation/route.ts openHelpRequest) */
  help_request: 'folded_word',
  /** names the self-check itself ("Selbsttest", "the test"): a story that asks for it by name starts it */
  asks_test: 'folded_word',
  /** the answer to the direct question about a death wish (careBot, session 15): "ja" is the crisis
   *  answer, "nein" goes back to the care question */
  crisis_yes: 'whole',
  crisis_no: 'whole',

  /** what one part of a question asks about the answer's subject (bot/conversation/facets.ts): whether
   *  it holds in the told case ("trotzdem", "even if"), how much, how to go about it, who pays, whether
   *  it is allowed. Raw text, folded here. */
  asks_facet_condition: 'folded_word',
  asks_facet_amount: 'folded_word',
  asks_facet_procedure: 'folded_word',
  asks_facet_payer: 'folded_word',
  asks_facet_permission: 'folded_word',
  /** a sentence of an entry that answers that part (raw sentence, folded here) */
  says_facet_condition: 'folded_word',
  says_facet_amount: 'contains',
  says_facet_procedure: 'folded_word',
  says_facet_payer: 'folded_word',
  says_facet_permission: 'folded_word',
  /** folded: the notice a duration question waits for ("bis zum Bescheid", "until the decision") */
  awaits_decision: 'word',
  /** folded: a who question that asks where it goes ("wo beantrage ich das?", "an wen schick ich den?",
   *  "where do I apply?"): a sentence naming the office answers first (aspects.ts aspectsToTry) */
  asks_office: 'folded_word',
} as const satisfies Record<string, Anchor>;

export type WordList = keyof typeof WORD_LISTS;

const CommandsFileSchema = z.object(
  Object.fromEntries(Object.keys(WORD_LISTS).map((k) => [k, z.array(z.string().min(1)).optional()])) as Record<WordList, z.ZodOptional<z.ZodArray<z.ZodString>>>,
).strict();

export type CommandsFile = Partial<Record<WordList, string[]>>;

export interface Lexicon {
  /** Does the text match this word list in any language? */
  has(list: WordList, text: string): boolean;
  /** The first match of this word list in the text (for 'after_number' lists the number is group 1). */
  exec(list: WordList, text: string): RegExpExecArray | null;
  /** Does the text match this word list in one language only? (English "was" is no question word.) */
  hasIn(language: string, list: WordList, text: string): boolean;
  /** The languages whose words are in it. */
  readonly languages: readonly string[];
}

/** Folds a pattern's letters like the text (ä→a, ß→ss, lower case) and leaves its escapes ("\\S",
 *  "\\b") as they are. */
export function foldPattern(pattern: string): string {
  return pattern.split(/(\\.)/).map((part) => (part.startsWith('\\') ? part : fold(part))).join('');
}

function compile(anchor: Anchor, words: readonly string[]): RegExp {
  const alts = words.map((w) => `(?:${anchor === 'folded_word' ? foldPattern(w) : w})`).join('|');
  if (!alts) return /(?!)/;
  if (anchor === 'folded_word') return new RegExp(`\\b(?:${alts})\\b`, 'i');
  if (anchor === 'whole') return new RegExp(`^(?:${alts})$`, 'i');
  if (anchor === 'word') return new RegExp(`\\b(?:${alts})\\b`, 'i');
  if (anchor === 'word_no_letter_after') return new RegExp(`\\b(?:${alts})(?![a-z])`, 'i');
  if (anchor === 'start') return new RegExp(`^(?:${alts})\\b`, 'i');
  if (anchor === 'end') return new RegExp(`\\b(?:${alts})$`, 'i');
  if (anchor === 'sentence_start') return new RegExp(`(?:^|[.!]\\s+)(?:${alts})\\b`, 'i');
  if (anchor === 'after_number') return new RegExp(`(\\d{1,3}(?:[.,]\\d{1,2})?)\\s*(?:${alts})`, 'i');
  if (anchor === 'after_words') return new RegExp(`((?:[a-zäöüß]+[\\s-]+){0,2}[a-zäöüß]+)\\s*(?:${alts})\\b`, 'i');
  return new RegExp(`(?:${alts})`, 'i');
}

/** One lexicon from the word lists of every language (already read and checked). */
export function compileLexicon(files: Readonly<Record<string, CommandsFile>>): Lexicon {
  const languages = Object.keys(files).sort();
  const res = new Map<WordList, RegExp>();
  for (const list of Object.keys(WORD_LISTS) as WordList[]) {
    res.set(list, compile(WORD_LISTS[list], languages.flatMap((l) => files[l][list] ?? [])));
  }
  const prepared = (list: WordList, text: string): string => (WORD_LISTS[list] === 'folded_word' ? fold(text) : text);
  const perLanguage = new Map<string, RegExp>();
  const inLanguage = (language: string, list: WordList): RegExp => {
    const key = `${language}\u0000${list}`;
    let re = perLanguage.get(key);
    if (!re) perLanguage.set(key, (re = compile(WORD_LISTS[list], files[language]?.[list] ?? [])));
    return re;
  };
  return {
    languages,
    has: (list, text) => res.get(list)!.test(prepared(list, text)),
    exec: (list, text) => res.get(list)!.exec(prepared(list, text)),
    hasIn: (language, list, text) => inLanguage(language, list).test(prepared(list, text)),
  };
}

/** Reads and checks one commands.json: known lists only, every entry a valid pattern. */
export function readCommandsFile(file: string): CommandsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(file, undefined, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ContentError(file, undefined, `is not valid JSON (${(err as Error).message})`);
  }
  const parsed = CommandsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.code === 'unrecognized_keys' ? [issue.keys[0]] : issue.path;
    const what = issue.code === 'unrecognized_keys' ? `unknown word list "${issue.keys[0]}" (known: ${Object.keys(WORD_LISTS).join(', ')})` : issue.message;
    throw new ContentError(file, lineOfPath(text, at), what);
  }
  const data = parsed.data as CommandsFile;
  for (const [list, words] of Object.entries(data) as [WordList, string[]][]) {
    words.forEach((w, i) => {
      try {
        new RegExp(w, 'i');
      } catch (err) {
        throw new ContentError(file, lineOfPath(text, [list, i]), `"${w}" is not a valid pattern (${(err as Error).message})`);
      }
    });
  }
  return data;
}

/** The lexicon of every language folder under `localesDir` that has a commands.json. */
export function loadLexicon(localesDir: string): Lexicon {
  const files: Record<string, CommandsFile> = {};
  for (const lng of fs.readdirSync(localesDir).sort()) {
    const file = path.join(localesDir, lng, 'commands.json');
    if (fs.existsSync(file)) files[lng] = readCommandsFile(file);
  }
  return compileLexicon(files);
}
