// How the main dialog reaches the guided dialogs: which intents and sentences start them, and the
// commands their buttons send. Kept here so the router in mainDialog.ts needs only three calls.
import { closeAlternative } from '../bot/conversation/alternative';
import type { ComponentDialog, DialogTurnResult } from 'botbuilder-dialogs';
import type { NluResult } from '../bot/services';
import { parseDate } from '../bot/nlu/dates';
import { turnInfo, type DialogDeps, type RouteTarget } from './context';
import { SELF_CHECK_DIALOG, SelfCheckDialog } from './selfCheckDialog';
import { BENEFITS_DIALOG, BenefitsDialog } from './benefitsDialog';
import { DEADLINE_DIALOG, DeadlineDialog } from './deadlineDialog';
import { SETTINGS, percentFrom } from '../bot/care/benefitsText';
import { deadlineKind } from '../bot/care/deadlineText';
import { LETTERS_DIALOG, LettersDialog } from './lettersDialog';
import type { CareSetting } from '../bot/care/benefits';

export function addGuidedDialogs(parent: ComponentDialog, deps: DialogDeps): void {
  parent.addDialog(new SelfCheckDialog(deps));
  parent.addDialog(new BenefitsDialog(deps));
  parent.addDialog(new DeadlineDialog(deps));
  parent.addDialog(new LettersDialog(deps));
}

/** Starts a guided dialog for this message, or undefined when it is not one of theirs. */
export async function routeGuided(dc: RouteTarget, deps: DialogDeps, r: NluResult, grade?: number): Promise<DialogTurnResult | undefined> {
  const { text, lang } = turnInfo(dc.context);
  // Parsing a date can cost milliseconds (recognizers-text fallback): only where a date matters.
  const date = () => parseDate(text, lang, deps.services.today(), { noYear: 'past' });
  const words = deps.services.words;
  // "Was hat sich zum 1. Januar geändert?" has no intent of its own
  if (words.has('changes_question', text) && (['None', 'out_of_scope', 'benefits_overview'].includes(r.intent) || date())) {
    return dc.beginDialog(BENEFITS_DIALOG, { show: 'changes', text, grade });
  }
  switch (r.intent) {
    case 'selfcheck':
      return dc.beginDialog(SELF_CHECK_DIALOG, { alternative: closeAlternative(r.ranked, 'selfcheck', (id) => deps.services.kb.answers.has(id)) });
    case 'benefits_overview':
      return dc.beginDialog(BENEFITS_DIALOG, { grade, text });
    case 'deadline':
      // with a date: work out the deadline; a question that names no deadline gets the step-by-step
      // guide; one about a named deadline without a date gets the rule first (the router answers it)
      return date() || !deadlineKind(text, words) || words.has('compute', text) ? dc.beginDialog(DEADLINE_DIALOG, { text }) : undefined;
    case 'combination':
      // "the service uses 60 % of the Sachleistung": compute the Pflegegeld left
      return percentFrom(text) !== undefined ? dc.beginDialog(BENEFITS_DIALOG, { grade, text }) : undefined;
    case 'apply':
    case 'objection':
      if (words.has('letter_request', text)) return dc.beginDialog(LETTERS_DIALOG, { letter: r.intent === 'apply' ? 'application' : 'objection' });
      // "Antrag am 1. Oktober gestellt", "Bescheid kam am 3.11.": compute the deadline
      if ((words.has('application_made', text) || words.has('notice_received', text)) && date()) return dc.beginDialog(DEADLINE_DIALOG, { text });
      return undefined;
    default:
      return undefined;
  }
}

/** Commands of the guided dialogs' buttons ("overview:3", "letter:objection", …). */
export async function guidedCommand(dc: RouteTarget, name: string, arg?: string, sub?: string): Promise<DialogTurnResult | undefined> {
  switch (name) {
    case 'selfcheck':
      return dc.beginDialog(SELF_CHECK_DIALOG, { resume: arg === 'resume', restart: arg === 'restart' });
    case 'money':
      return dc.beginDialog(BENEFITS_DIALOG, {});
    case 'overview': {
      const g = Number(arg);
      const setting = SETTINGS.includes(sub as CareSetting) ? (sub as CareSetting) : undefined;
      return dc.beginDialog(BENEFITS_DIALOG, { grade: Number.isInteger(g) && g >= 0 && g <= 5 && arg ? g : undefined, setting });
    }
    case 'changes':
      return dc.beginDialog(BENEFITS_DIALOG, { show: 'changes' });
    case 'deadline':
      return dc.beginDialog(DEADLINE_DIALOG, { kind: arg === 'objection' || arg === 'decision' ? arg : undefined });
    case 'guide':
      return dc.beginDialog(DEADLINE_DIALOG, {});
    case 'letter':
      return dc.beginDialog(LETTERS_DIALOG, { letter: arg, letterLang: sub });
    default:
      return undefined;
  }
}
