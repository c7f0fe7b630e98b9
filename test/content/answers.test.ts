// Content checks for the curated knowledge base: schema, cross-references between answers,
// benefits and sources, and editorial rules (no typed euro amounts, short replies, both languages).
// The checker functions are pure and take `asOf` as a parameter so results never depend on the clock.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  AnswerSchema,
  AnswersFileSchema,
  BenefitsFileSchema,
  SourcesFileSchema,
  type Answer,
  type Benefit,
  type BenefitsFile,
  type Source,
  type Supplement,
} from '../../bot/knowledge/schema';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import { QUESTION_TOPICS, TOPIC_INTENTS } from '../../bot/nlu/intents';

const ROOT = join(__dirname, '..', '..', 'knowledge');
const LAYERS = ['federal', 'nrw', 'muelheim'] as const;

/** Date the content was last reviewed against its sources; bump together with `reviewed`. */
const AS_OF = '2026-12-07';

/** Answer ids are the NLU topic intents (one answer per intent) and the topics reached only
 *  through question entries. */
const REQUIRED_ANSWER_IDS: readonly string[] = [...TOPIC_INTENTS, ...QUESTION_TOPICS];

const REQUIRED_BENEFIT_IDS = [
  'pflegegeld', 'sachleistung', 'tagespflege', 'stationaer', 'umwandlung', 'entlastungsbetrag',
  'entlastungsbudget', 'verhinderungspflege', 'kurzzeitpflege', 'pflegehilfsmittel', 'wohnumfeld',
  'wohnumfeld_max', 'hausnotruf', 'wohngruppenzuschlag', 'zuschlag_43c_1', 'zuschlag_43c_2',
  'zuschlag_43c_3', 'zuschlag_43c_4', 'verzoegerung', 'arbeit_kurzzeit', 'pflegezeit',
  'familienpflegezeit', 'elternunterhalt_grenze', 'schonvermoegen_sozialhilfe',
  'pflegewohngeld_schonvermoegen', 'pflegewohngeld_schonvermoegen_paar', 'dipa_app', 'dipa_support',
];

const OFFER_CATEGORIES = new Set([
  'counselling', 'senior_housing_advice', 'home_care', 'day_care', 'short_term_care', 'nursing_home',
  'emergency_call', 'meals', 'lunch_table', 'dementia', 'carers_selfhelp', 'visiting', 'meeting_place',
  'neighbourhood_network', 'care_course', 'hospice', 'transport', 'volunteering',
]);

// ---------- pure helpers ----------

const ABBREVIATIONS = [
  'z. B.', 'z.B.', 'd. h.', 'd.h.', 'u. a.', 'bzw.', 'ca.', 'Abs.', 'Nr.', 'ggf.', 'evtl.', 'inkl.',
  'usw.', 'etc.', 'e.g.', 'i.e.', 'approx.', 'vs.', 'Dr.', 'St.', 'Str.',
];
const MONTHS = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';

/** Counts sentences, ignoring dots in abbreviations, placeholders, decimals and German dates. */
function countSentences(text: string): number {
  let t = text.replace(/\{\{[^}]*\}\}/g, 'X');
  for (const abbr of ABBREVIATIONS) t = t.split(abbr).join(abbr.replace(/\./g, ''));
  t = t.replace(new RegExp(`(\\d)\\.(?=\\s+(?:${MONTHS})\\b)`, 'g'), '$1');
  t = t.replace(/(\d)\.(\d)/g, '$1$2');
  return t
    .split(/[.!?]+(?=\s|$|[“”„"')])/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-zÄÖÜäöüß]/.test(s)).length;
}

const EURO_PATTERNS: RegExp[] = [
  /\d\s*(?:€|Euro\b|EUR\b)/i,
  /(?:€|EUR)\s*\d/i,
  /\d+[.,]\d{3}(?!\d)/,
];
/** True when the text types a money amount instead of using a placeholder. */
function hasTypedEuroAmount(text: string): boolean {
  return EURO_PATTERNS.some((re) => re.test(text));
}

/** Looks like a German phone number (contacts come from the offers data, never from answers). */
function hasPhoneNumber(text: string): boolean {
  return /(?:\+49|\b0)\d{2,5}[\s/-]?\d{3,}/.test(text);
}

interface Placeholder { raw: string; at: number; benefitId?: string; index?: string; grade?: boolean }

/** Every {{...}} in a text; `benefitId` undefined with grade=false means the form is unknown. */
function parsePlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    const inner = m[1].trim();
    const at = m.index;
    if (inner === 'grade') { out.push({ raw: m[0], at, grade: true }); continue; }
    const b = /^b\.([a-z][a-z0-9_]*)(?:\.([1-5]|grade))?$/.exec(inner);
    out.push(b ? { raw: m[0], at, benefitId: b[1], index: b[2] } : { raw: m[0], at });
  }
  return out;
}

function isValidIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The value of a benefit valid on `asOf`, or undefined when none applies (not started or ended). */
function valueOn(benefit: Benefit, asOf: string): Benefit['values'][number] | undefined {
  if (benefit.endsOn !== undefined && benefit.endsOn <= asOf) return undefined;
  const started = benefit.values.filter((v) => v.validFrom <= asOf);
  return started.length ? started.reduce((a, b) => (b.validFrom > a.validFrom ? b : a)) : undefined;
}

/** Counts render as a bare number, so the prose must name the unit right after the placeholder. */
const COUNT_UNITS = new Set<Benefit['unit']>(['days_year', 'weeks_year', 'months']);
const UNIT_WORD = /^\s+(?:Arbeitstage|Tage|Tagen|Wochen|Monate|Monaten|working days|days|weeks|months)\b/;

type Lang = 'de' | 'en';
const LANGS: Lang[] = ['de', 'en'];

function textsOf(a: Answer, lang: Lang): Array<[string, string]> {
  const t = a[lang];
  const list: Array<[string, string]> = [
    ['title', t.title], ['short', t.short], ['details', t.details], ['next', t.next],
  ];
  if (t.shortWithGrade !== undefined) list.push(['shortWithGrade', t.shortWithGrade]);
  for (const [k, v] of Object.entries(t.glossary ?? {})) list.push([`glossary key`, k], [`glossary ${k}`, v]);
  return list;
}

function checkBenefits(file: BenefitsFile, sourceIds: Set<string>, asOf: string): string[] {
  const problems: string[] = [];
  if (!isValidIsoDate(file.reviewed)) problems.push(`benefits.reviewed ${file.reviewed} is not a date`);
  if (file.reviewed > asOf) problems.push(`benefits.reviewed ${file.reviewed} is after ${asOf}`);
  if (file.nextScheduledChange !== undefined && file.nextScheduledChange <= file.reviewed) {
    problems.push('benefits.nextScheduledChange must be after reviewed');
  }
  const seen = new Set<string>();
  for (const b of file.benefits) {
    if (seen.has(b.id)) problems.push(`benefit ${b.id} defined twice`);
    seen.add(b.id);
    const dates = b.values.map((v) => v.validFrom);
    for (const d of dates) if (!isValidIsoDate(d)) problems.push(`benefit ${b.id}: bad validFrom ${d}`);
    for (let i = 1; i < dates.length; i++) {
      if (dates[i] <= dates[i - 1]) problems.push(`benefit ${b.id}: values not in ascending validFrom order`);
    }
    if (b.endsOn !== undefined && b.endsOn <= dates[dates.length - 1]) {
      problems.push(`benefit ${b.id}: endsOn must be after the last validFrom`);
    }
    const shapes = new Set(b.values.map((v) => (v.byGrade ? 'byGrade' : 'value')));
    if (shapes.size > 1) problems.push(`benefit ${b.id}: mixes byGrade and value`);
    for (const v of b.values) {
      if (!sourceIds.has(v.source)) problems.push(`benefit ${b.id}: unknown source ${v.source}`);
      const nums = v.byGrade ?? [v.value ?? null];
      for (const n of nums) if (n !== null && !(n > 0)) problems.push(`benefit ${b.id}: non-positive amount`);
    }
  }
  for (const id of REQUIRED_BENEFIT_IDS) if (!seen.has(id)) problems.push(`benefit ${id} missing`);
  return problems;
}

function checkAnswers(
  answers: Answer[], benefits: BenefitsFile, sourceIds: Set<string>, asOf: string,
): string[] {
  const problems: string[] = [];
  const ids = answers.map((a) => a.id);
  const idSet = new Set(ids);
  const byId = new Map(benefits.benefits.map((b) => [b.id, b]));
  for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`answer ${id} defined more than once`);

  for (const a of answers) {
    const at = `answer ${a.id}`;
    if (!isValidIsoDate(a.reviewed)) problems.push(`${at}: reviewed ${a.reviewed} is not a date`);
    if (a.reviewed > asOf) problems.push(`${at}: reviewed ${a.reviewed} is after ${asOf}`);
    for (const s of a.sources) if (!sourceIds.has(s)) problems.push(`${at}: unknown source ${s}`);
    if (a.offerCategory !== undefined && !OFFER_CATEGORIES.has(a.offerCategory)) {
      problems.push(`${at}: unknown offerCategory ${a.offerCategory}`);
    }
    if (a.followUps.length < 2 || a.followUps.length > 4) problems.push(`${at}: needs 2 to 4 followUps`);
    if (new Set(a.followUps).size !== a.followUps.length) problems.push(`${at}: duplicate followUps`);
    for (const f of a.followUps) {
      if (f === a.id) problems.push(`${at}: follows up on itself`);
      else if (!idSet.has(f)) problems.push(`${at}: unknown followUp ${f}`);
    }
    if (a.de.short === a.en.short || a.de.details === a.en.details) problems.push(`${at}: en is not translated`);

    for (const lang of LANGS) {
      const t = a[lang];
      const al = `${at} [${lang}]`;
      if (countSentences(t.short) > 3) problems.push(`${al}: short has more than 3 sentences`);
      if (t.shortWithGrade !== undefined && countSentences(t.shortWithGrade) > 3) {
        problems.push(`${al}: shortWithGrade has more than 3 sentences`);
      }
      const n = countSentences(t.details);
      if (n < 3 || n > 8) problems.push(`${al}: details has ${n} sentences (3 to 8 expected)`);
      if (a.usesGrade) {
        if (t.shortWithGrade === undefined) problems.push(`${al}: usesGrade without shortWithGrade`);
        else if (!parsePlaceholders(t.shortWithGrade).some((p) => p.index === 'grade')) {
          problems.push(`${al}: shortWithGrade has no {{b.ID.grade}}`);
        }
      } else if (t.shortWithGrade !== undefined) {
        problems.push(`${al}: shortWithGrade given but usesGrade is false`);
      }
      if (lang === 'de' && /\b(du|dich|dir|dein\w*)\b/i.test(`${t.short} ${t.details} ${t.next}`)) {
        problems.push(`${al}: use the formal Sie form`);
      }

      for (const [field, text] of textsOf(a, lang)) {
        const af = `${al} ${field}`;
        if (hasTypedEuroAmount(text)) problems.push(`${af}: typed euro amount, use a placeholder`);
        if (hasPhoneNumber(text)) problems.push(`${af}: phone number in answer text`);
        for (const p of parsePlaceholders(text)) {
          const gradeOnly = p.grade === true || p.index === 'grade';
          if (gradeOnly && field !== 'shortWithGrade') problems.push(`${af}: ${p.raw} only allowed in shortWithGrade`);
          if (p.grade) continue;
          if (p.benefitId === undefined) { problems.push(`${af}: malformed placeholder ${p.raw}`); continue; }
          const b = byId.get(p.benefitId);
          if (!b) { problems.push(`${af}: unknown benefit in ${p.raw}`); continue; }
          const current = valueOn(b, asOf);
          if (!current) { problems.push(`${af}: ${p.raw} has no value valid on ${asOf}`); continue; }
          if (COUNT_UNITS.has(b.unit) && !UNIT_WORD.test(text.slice(p.at + p.raw.length))) {
            problems.push(`${af}: ${p.raw} must be followed by its unit (Wochen, Monate, weeks ...)`);
          }
          if (p.index === undefined) {
            if (current.value === undefined) problems.push(`${af}: ${p.raw} needs a grade index (per-grade benefit)`);
          } else if (!current.byGrade) {
            problems.push(`${af}: ${p.raw} has a grade index but the benefit has one value`);
          } else if (p.index !== 'grade' && current.byGrade[Number(p.index) - 1] === null) {
            problems.push(`${af}: ${p.raw} is not available at grade ${p.index}`);
          }
        }
      }
    }
  }
  return problems;
}

// ---------- loading ----------

function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
}

function loadAll(): { sources: Source[]; benefits: BenefitsFile; layers: Record<string, Answer[]>; supplements: Supplement[] } {
  // the shared sources and each layer's own
  const sources = [SourcesFileSchema.parse(readJson('sources.json')).sources,
    ...LAYERS.filter((l) => existsSync(join(ROOT, l, 'sources.json'))).map((l) => SourcesFileSchema.parse(readJson(`${l}/sources.json`)).sources)].flat();
  const benefits = BenefitsFileSchema.parse(readJson('federal/benefits.json'));
  const layers: Record<string, Answer[]> = {};
  const supplements: Supplement[] = [];
  for (const layer of LAYERS) {
    const file = AnswersFileSchema.parse(readJson(`${layer}/answers.json`));
    layers[layer] = file.answers;
    supplements.push(...file.supplements);
  }
  return { sources, benefits, layers, supplements };
}

// ---------- tests of the checkers themselves ----------

describe('content checker helpers', () => {
  it.each([
    ['Eins. Zwei. Drei.', 3],
    ['Bis zum 30. Juni des Folgejahres. Danach verfällt es.', 2],
    ['Es sind {{b.pflegegeld.2}} im Monat, z. B. für Hilfe.', 1],
    ['Ab 12,5 Punkten gibt es Pflegegrad 1. From 12.5 points there is grade 1.', 2],
    ['Sagen Sie: „Ich beantrage Leistungen.“ Notieren Sie das Datum.', 2],
    ['Geregelt in § 40 Abs. 4 SGB XI. Fertig!', 2],
  ])('countSentences(%j) = %i', (text, n) => {
    expect(countSentences(text)).toBe(n);
  });

  it.each([
    ['Es sind 347 € im Monat.', true],
    ['bis zu 1.497 Euro', true],
    ['EUR 30 pro Monat', true],
    ['insgesamt 100.000 brutto', true],
    ['Es sind {{b.pflegegeld.2}} im Monat.', false],
    ['Pflegegrad 2 seit 2025 und 47,5 Punkte', false],
  ])('hasTypedEuroAmount(%j) = %p', (text, expected) => {
    expect(hasTypedEuroAmount(text)).toBe(expected);
  });

  it.each([
    ['Rufen Sie 0208 455-0 an', true],
    ['Hotline 0800 4040044', true],
    ['Im Notfall die 112', false],
    ['seit 2026 und 24 Monate', false],
  ])('hasPhoneNumber(%j) = %p', (text, expected) => {
    expect(hasPhoneNumber(text)).toBe(expected);
  });

  it('parses placeholder forms', () => {
    expect(parsePlaceholders('{{b.pflegegeld.2}} {{b.x}} {{b.y.grade}} {{grade}} {{foo}}')).toEqual([
      { raw: '{{b.pflegegeld.2}}', at: 0, benefitId: 'pflegegeld', index: '2' },
      { raw: '{{b.x}}', at: 19, benefitId: 'x', index: undefined },
      { raw: '{{b.y.grade}}', at: 27, benefitId: 'y', index: 'grade' },
      { raw: '{{grade}}', at: 41, grade: true },
      { raw: '{{foo}}', at: 51 },
    ]);
  });

  const benefits: BenefitsFile = BenefitsFileSchema.parse({
    reviewed: '2026-01-01',
    benefits: [
      { id: 'pg', law: 'x', unit: 'eur_month', label: { de: 'a', en: 'a' },
        values: [{ validFrom: '2025-01-01', byGrade: [null, 1, 2, 3, 4], source: 's' }] },
      { id: 'eb', law: 'x', unit: 'eur_month', label: { de: 'a', en: 'a' },
        values: [{ validFrom: '2025-01-01', value: 5, source: 's' }] },
      { id: 'old', law: 'x', unit: 'eur_year', label: { de: 'a', en: 'a' }, endsOn: '2025-07-01',
        values: [{ validFrom: '2024-01-01', value: 5, source: 's' }] },
      { id: 'wk', law: 'x', unit: 'weeks_year', label: { de: 'a', en: 'a' },
        values: [{ validFrom: '2025-01-01', value: 8, source: 's' }] },
    ],
  });
  const good = {
    id: 'a1', legal: ['§ 1'], sources: ['s'], reviewed: '2026-01-01', usesGrade: false, followUps: ['a2', 'a3'],
    de: { title: 'Titel', short: 'Es gibt {{b.eb}} im Monat.', details: 'Eins. Zwei. Drei.', next: 'Anrufen.' },
    en: { title: 'Title', short: 'There is {{b.eb}} a month.', details: 'One. Two. Three.', next: 'Call.' },
  };
  const others = ['a2', 'a3'].map((id) => ({ ...good, id, followUps: ['a1', id === 'a2' ? 'a3' : 'a2'] }));
  const run = (patch: Record<string, unknown>, lang?: 'de' | 'en'): string[] => {
    const a = lang ? { ...good, [lang]: { ...good[lang], ...patch } } : { ...good, ...patch };
    const parsed = [a, ...others].map((x) => AnswerSchema.parse(x));
    return checkAnswers(parsed, benefits, new Set(['s']), '2026-06-01');
  };

  it('accepts a well-formed answer', () => {
    expect(run({})).toEqual([]);
    expect(run({ short: 'Bis zu {{b.wk}} Wochen im Jahr.' }, 'de')).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, 'de' | 'en' | undefined, RegExp]>([
    ['typed amount', { short: 'Es gibt 131 € im Monat.' }, 'de', /typed euro amount/],
    ['unknown benefit', { short: 'Es gibt {{b.nope}} im Monat.' }, 'de', /unknown benefit/],
    ['null grade', { short: 'Es gibt {{b.pg.1}} im Monat.' }, 'de', /not available at grade 1/],
    ['per-grade without index', { short: 'Es gibt {{b.pg}} im Monat.' }, 'en', /needs a grade index/],
    ['ended benefit', { short: 'Es gibt {{b.old}} im Jahr.' }, 'de', /no value valid/],
    ['grade outside shortWithGrade', { details: 'Eins {{b.pg.grade}}. Zwei. Drei.' }, 'de', /only allowed in shortWithGrade/],
    ['too many sentences', { short: 'Eins. Zwei. Drei. Vier.' }, 'en', /more than 3 sentences/],
    ['too short details', { details: 'Eins. Zwei.' }, 'de', /details has 2 sentences/],
    ['phone number', { next: 'Rufen Sie 0208 455-0 an.' }, 'de', /phone number/],
    ['informal German', { details: 'Du kannst. Zwei. Drei.' }, 'de', /Sie form/],
    ['unknown source', { sources: ['x'] }, undefined, /unknown source x/],
    ['future review', { reviewed: '2027-01-01' }, undefined, /after 2026-06-01/],
    ['unknown follow-up', { followUps: ['a2', 'zz'] }, undefined, /unknown followUp zz/],
    ['grade answer without variant', { usesGrade: true }, undefined, /usesGrade without shortWithGrade/],
    ['bad offer category', { offerCategory: 'pizza' }, undefined, /unknown offerCategory/],
    ['count without unit word', { short: 'Bis zu {{b.wk}} im Jahr.' }, 'de', /followed by its unit/],
  ])('flags %s', (_name, patch, lang, expected) => {
    expect(run(patch, lang).join('\n')).toMatch(expected);
  });

  it('flags benefit tables with unknown sources and unordered values', () => {
    const bad = BenefitsFileSchema.parse({
      reviewed: '2026-01-01',
      benefits: [{ id: 'pg', law: 'x', unit: 'eur_month', label: { de: 'a', en: 'a' }, values: [
        { validFrom: '2025-01-01', value: 2, source: 'nope' },
        { validFrom: '2024-01-01', value: 1, source: 's' },
      ] }],
    });
    const problems = checkBenefits(bad, new Set(['s']), '2026-06-01').join('\n');
    expect(problems).toMatch(/unknown source nope/);
    expect(problems).toMatch(/ascending validFrom/);
    expect(problems).toMatch(/benefit pflegegeld missing/);
  });
});

// ---------- the real content ----------

describe('knowledge base content', () => {
  const { sources, benefits, layers, supplements } = loadAll();
  const sourceIds = new Set(sources.map((s) => s.id));
  const all = LAYERS.flatMap((l) => layers[l]);

  it('sources have unique ids and valid, past access dates', () => {
    expect(sourceIds.size).toBe(sources.length);
    const bad = sources.filter((s) => !isValidIsoDate(s.accessed) || s.accessed > AS_OF).map((s) => s.id);
    expect(bad).toEqual([]);
  });

  it('the benefits table is consistent', () => {
    expect(checkBenefits(benefits, sourceIds, AS_OF)).toEqual([]);
  });

  it('has exactly the required answers, each in one layer', () => {
    const ids = all.map((a) => a.id);
    expect([...ids].sort()).toEqual([...REQUIRED_ANSWER_IDS].sort());
    for (const layer of LAYERS) expect(layers[layer].length).toBeGreaterThan(0);
  });

  it('answers pass all content rules', () => {
    expect(checkAnswers(all, benefits, sourceIds, AS_OF)).toEqual([]);
  });

  it('answers as the Mülheim bot shows them (with the NRW and city supplements) pass all content rules', () => {
    const shown = [...loadKnowledgeBase({ knowledgeDir: ROOT, state: 'nrw', municipality: 'muelheim' }).answers.values()];
    expect(shown.length).toBe(all.length);
    expect(checkAnswers(shown, benefits, sourceIds, AS_OF)).toEqual([]);
    expect(supplements.filter((x) => !isValidIsoDate(x.reviewed) || x.reviewed > AS_OF).map((x) => x.answer)).toEqual([]);
  });

  it('every source is cited somewhere', () => {
    const entries = [...loadKnowledgeBase({ knowledgeDir: ROOT, state: 'nrw', municipality: 'muelheim' }).questions.values()];
    const cited = new Set([
      ...all.flatMap((a) => a.sources),
      ...supplements.flatMap((x) => x.sources),
      ...benefits.benefits.flatMap((b) => b.values.map((v) => v.source)),
      ...entries.flatMap((q) => q.sources),
    ]);
    expect(sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});
