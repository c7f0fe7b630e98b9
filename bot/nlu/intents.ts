// The intent names shared by the corpora (knowledge/nlu/*.json), the answers (knowledge ids) and
// the dialogs. Topic intents have an answer of the same id; function intents drive the dialogs.

export const TOPIC_INTENTS = [
  'apply', 'assessment', 'selfcheck', 'allowance', 'in_kind', 'combination', 'relief', 'respite',
  'daycare', 'nursing_home', 'nursing_home_allowance', 'social_assistance', 'home_adaptation',
  'emergency_call', 'care_aids', 'grade1', 'dementia', 'work_leave', 'carer_support', 'objection',
  'meals', 'meeting_places', 'visiting_volunteering', 'transport', 'disability_pass', 'counselling',
  'hospice', 'live_in_care', 'housing_forms', 'hospital_discharge',
] as const;

export const FUNCTION_INTENTS = [
  'find_offer', 'benefits_overview', 'deadline', 'greeting', 'help', 'cancel', 'thanks', 'goodbye',
  'human', 'privacy', 'delete_data', 'out_of_scope',
] as const;

/** Topics with an answer but no intent: reached through their question entries
 *  (knowledge/<layer>/questions/*.json), whose retrieval finds them; the answer is the overview. */
export const QUESTION_TOPICS = ['legal_representation', 'carer_tax_pension', 'home_care_contract'] as const;

export type TopicIntent = (typeof TOPIC_INTENTS)[number];
export type FunctionIntent = (typeof FUNCTION_INTENTS)[number];
export type CareIntent = TopicIntent | FunctionIntent;

export const ALL_INTENTS: readonly CareIntent[] = [...TOPIC_INTENTS, ...FUNCTION_INTENTS];

/** Trained like any intent, but reported as 'None' so the bot answers with its fallback. */
export const OUT_OF_SCOPE = 'out_of_scope';
/** The engine's answer when nothing fits well enough. */
export const NONE = 'None';

