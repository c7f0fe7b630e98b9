// Builds the real app for tests: real content, real NLU (model cached across test files under
// .cache/), real lowdb files in a temporary folder unless a storage is passed.
import * as path from 'path';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { buildApp, type App, type AppOptions } from '../../bot/app';
import { loadConfig, type Config } from '../../bot/config';
import { MainDialog } from '../../dialogs/mainDialog';
import { setTurnInfo } from '../../dialogs/context';
import type { Memory } from '../../bot/conversation/turn';
import { HolidaysFileSchema, workingDays, type WorkingDays } from '../../bot/care/deadlines';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { tempDir } from './tmp';

export const ROOT = path.join(__dirname, '../..');
export const TODAY = '2026-11-25';

/** Working days under NRW's public holidays, from the state layer's data. */
export function nrwDays(): WorkingDays {
  return workingDays(readJsonFile(path.join(ROOT, 'knowledge', 'nrw', 'holidays.json'), HolidaysFileSchema));
}

export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = tempDir('pn-test-');
  return loadConfig({ PORT: '0', DATA_DIR: dataDir, NLU_CACHE_DIR: path.join(ROOT, '.cache', 'nlu-test'), LOG_LEVEL: 'silent', TODAY, ...env }, ROOT);
}

export async function testApp(env: Record<string, string> = {}, opts: AppOptions = {}): Promise<App & { config: Config }> {
  const config = testConfig(env);
  const app = await buildApp(config, opts);
  return { ...app, config };
}

/** A DialogTestClient around the real MainDialog; a middleware sets the turn's language like the bot does. */
export function mainDialogClient(app: App, lang: 'de' | 'en' = 'de', channelId = 'test'): DialogTestClient {
  const conversationState = new ConversationState(new MemoryStorage());
  const memory = conversationState.createProperty<Memory>('memory');
  const dialog = new MainDialog({ services: app.services, memory });
  const turnInfo = {
    onTurn: async (ctx: TurnContext, next: () => Promise<void>) => {
      setTurnInfo(ctx, { lang, text: (ctx.activity.text ?? '').trim(), seed: 'test-seed' });
      await next();
    },
  };
  return new DialogTestClient(channelId, dialog, undefined, [turnInfo], conversationState);
}

/** All text a reply activity shows: text, card strings and button titles. */
type Shown = { text?: string; attachments?: { content?: unknown }[]; suggestedActions?: { actions: { title?: string }[] } };
export function shown(activity: Shown | undefined): string {
  if (!activity) return '';
  const parts: string[] = [activity.text ?? ''];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') parts.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(activity.attachments?.map((a) => a.content));
  for (const a of activity.suggestedActions?.actions ?? []) parts.push(a.title ?? '');
  return parts.join('\n');
}
