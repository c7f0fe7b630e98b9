// Builds everything the bot needs from a Config: content (validated), NLU (cached model), state
// storage, dialogs, adapter and the HTTP server. Used by bot/index.ts, the tests and the benchmarks.
import * as path from 'path';
import type { Storage } from 'botbuilder';
import { JsonConversationState, NamespacedUserState } from './store/jsonConversationState';
import type { DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import type { Config } from './config';
import { createI18n } from './i18n';
import { loadLexicon } from './nlu/lexicon';
import { HolidaysFileSchema, workingDays } from './care/deadlines';
import { createLogger } from './log';
import { readJsonFile } from './knowledge/jsonFile';
import { CorpusSchema, type Lang } from './knowledge/schema';
import { loadKnowledgeBase, stateLayer } from './knowledge/kb';
import { createSafetyCheck } from './safety/safety';
import { loadSafety, optionalClassifier } from './safety/load';
import { createNluEngine } from './nlu/engine';
import { formatEuro, valueOn } from './care/benefits';
import { NbaCatalogueSchema } from './care/nbaSchema';
import { LettersFileSchema } from './care/letters';
import { dayClock } from './offers/hours';
import { createLocalHelp } from './conversation/localHelp';
import { loadMunicipalityPack } from './offers/load';
import { cityNames, examplePlace, placeLexicon } from './offers/regions';
import { LowdbStorage } from './store/lowdbStorage';
import { createAdapter } from './adapter';
import { CareBot } from './careBot';
import { createServer } from './server';
import { MainDialog } from '../dialogs/mainDialog';
import type { Memory } from './conversation/turn';
import type { AmountLookup } from './knowledge/render';
import type { Logger, Services } from './services';
import type { BenefitsFile } from './knowledge/schema';
import { LowdbStaffRepository } from './staff/lowdbRepository';
import type { StaffRepository } from './staff/repository';
import { callbackSlotsFrom, createStaffHooks } from './staff/hooks';
import { channelDelivery } from './staff/notices';

export interface App {
  server: Server;
  services: Services;
  storage: Storage;
  bot: CareBot;
  adapter: ReturnType<typeof createAdapter>;
  /** the staff area's store (accounts, inbox, callbacks, planning counters) */
  staffRepo: StaffRepository;
  /** milliseconds spent loading content and the model */
  startupMs: number;
}

export interface AppOptions {
  /** replaces the lowdb storage (tests of other layers) */
  storage?: Storage;
  logger?: Logger;
  /** replaces the lowdb staff store (DATA_DIR/staff) */
  staffRepo?: StaffRepository;
  routes?: ((server: Server, app: Omit<App, 'server'>) => void)[];
}

// built once: every answer with an amount asks for a lookup, and an Intl formatter costs more to make than to use
const unitsOf = new WeakMap<BenefitsFile, Map<string, string>>();
const numberFormat: Record<Lang, Intl.NumberFormat> = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };

export function amountLookup(table: BenefitsFile, lang: Lang, today: string): AmountLookup {
  let units = unitsOf.get(table);
  if (!units) unitsOf.set(table, (units = new Map(table.benefits.map((b) => [b.id, b.unit]))));
  return (id, grade) => {
    const v = valueOn(table, id, today, grade);
    if (v === null || v === undefined) return undefined;
    const unit = units.get(id);
    if (unit?.startsWith('eur')) return formatEuro(v, lang);
    if (unit === 'percent') return lang === 'de' ? `${v} %` : `${v}%`;
    return numberFormat[lang].format(v);
  };
}

export async function buildApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const t0 = Date.now();
  const log = opts.logger ?? createLogger(config.logLevel, config.logUserText);
  const k = config.knowledgeDir;
  const pack = loadMunicipalityPack(path.join(k, config.municipality), { cacheDir: config.nluCacheDir });
  const state = stateLayer(k, config.municipality, pack.municipality.state);
  const kb = loadKnowledgeBase({ knowledgeDir: k, state, municipality: config.municipality, indexCacheDir: config.nluCacheDir, log: (m) => log.info({}, m) });
  const safety = createSafetyCheck(loadSafety(path.join(k, 'safety.json'), config.nluCacheDir), optionalClassifier(path.join(k, 'safety-corpus.jsonl'), config.nluCacheDir, (m) => log.info({}, m)),
    { cacheDir: config.nluCacheDir, log: (m) => log.info({}, m) });
  const city = cityNames(pack.municipality);
  // texts name the city as {{city}} / {{cityShort}}: the same microcopy serves every data pack
  const i18n = await createI18n(config.localesDir, config.defaultLang, { city: city.name, cityShort: city.short, examplePlace: examplePlace(pack.regions) });
  const corpora = (['de', 'en'] as const).map((l) => readJsonFile(path.join(k, 'nlu', `${l}.json`), CorpusSchema));
  const nlu = await createNluEngine({
    corpora, places: placeLexicon(pack.regions, pack.municipality), cacheDir: config.nluCacheDir, threshold: config.nluThreshold, log: (m) => log.info({}, m),
  });
  const cityToday = dayClock(pack.municipality.timeZone);
  const today = () => config.today ?? cityToday();
  const services: Services = {
    kb, nlu, safety, i18n, log,
    words: loadLexicon(config.localesDir),
    amount: (lang, day) => amountLookup(kb.benefits, lang, day),
    local: createLocalHelp(pack, i18n),
    nba: readJsonFile(path.join(k, 'federal', 'nba.json'), NbaCatalogueSchema),
    letters: readJsonFile(path.join(k, 'federal', 'letters.json'), LettersFileSchema),
    workingDays: workingDays(readJsonFile(path.join(k, state, 'holidays.json'), HolidaysFileSchema)),
    retentionDays: config.retentionDays,
    maxMessageChars: config.maxMessageChars,
    defaultLang: config.defaultLang,
    logUserText: config.logUserText,
    today,
    now: () => (config.today ? new Date(`${config.today}T10:00:00+01:00`) : new Date()),
  };
  const staffRepo = opts.staffRepo ?? (await LowdbStaffRepository.open(path.join(config.dataDir, 'staff')));
  services.staff = createStaffHooks(staffRepo, {
    log, today, now: services.now, slots: callbackSlotsFrom(pack.offers), callbackDeleteDays: config.staff.callbackDeleteDays,
  });
  const storage = opts.storage ?? (await LowdbStorage.open({ dir: path.join(config.dataDir, 'state'), retentionDays: config.retentionDays, limits: config.state, warn: (m) => log.warn({}, m) }));
  const conversationState = new JsonConversationState(storage);
  const userState = new NamespacedUserState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const memory = conversationState.createProperty<Memory>('memory');
  const dialog = new MainDialog({ services, memory });
  const bot = new CareBot({ services, storage, conversationState, userState, dialogState, memory, dialog });
  const adapter = createAdapter(config, services, conversationState);
  // callback confirmations to every channel but the built-in Direct Line (which registers its own way)
  services.staff.notices.use('channel', channelDelivery(adapter, config.auth.appId, config.auth.appId ? undefined : config.serviceUrlHosts));
  const partial = { services, storage, bot, adapter, staffRepo, startupMs: Date.now() - t0 };
  const server = createServer({
    adapter, bot, log, maxBodyBytes: config.maxBodyBytes,
    serviceUrlHosts: config.auth.appId ? undefined : config.serviceUrlHosts,
    routes: (opts.routes ?? []).map((r) => (s: Server) => r(s, partial)) });
  return { ...partial, server };
}
