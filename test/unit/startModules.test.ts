// The start must not load the package indexes that bot/sdk/ avoids: restify's loads every plugin
// (80–130 ms CPU of each start), botbuilder's skills, Teams and SharePoint (55–80 ms); see
// docs/turn-cost-2026-12.md, session 17. Types from them are erased; a value import would load them.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder-core';
import { createAdapter, DeferredAuthentication } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';

describe('modules of the start', () => {
  test('the app, its routes and the server load neither the restify nor the botbuilder index', () => {
    jest.isolateModules(() => {
      jest.doMock('restify', () => { throw new Error('restify index loaded'); });
      jest.doMock('botbuilder', () => { throw new Error('botbuilder index loaded'); });
      expect(() => {
        /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside isolateModules, after the mocks */
        require('../../bot/app');
        require('../../bot/web/routes');
        require('../../bot/staff/routes');
        /* eslint-enable @typescript-eslint/no-require-imports */
      }).not.toThrow();
    });
  });
});

// botframework-connector's index loads every authentication client (@azure/identity, msal-node, jsonwebtoken):
// 150–290 ms CPU of each start. bot/sdk/connector.ts answers it with a facade in Node's loader (jest has its own
// registry, so here the facade stands in through a mock whose index throws); see docs/turn-cost-2026-12.md, session 17b.
describe('botframework-connector at the start', () => {
  type Exports = Record<string, unknown>;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside isolateModules, after the mocks */
  const realPart = (file: string): Exports => jest.requireActual(`botframework-connector/lib/${file}`);

  test('the facade answers its names with the index\'s own objects, and loads the index for any other use', () => {
    const { connectorFacade, CONNECTOR_PARTS } = jest.requireActual('../../bot/sdk/connector') as typeof import('../../bot/sdk/connector');
    const real = jest.requireActual('botframework-connector') as Exports;
    for (const name of Object.keys(CONNECTOR_PARTS)) {
      const f = connectorFacade(() => real, realPart);
      expect((f.exports as Exports)[name]).toBe(real[name]);
      expect(f.loaded()).toBe(false);
    }
    const uses: [string, (e: Exports) => unknown][] = [
      ['another name', (e) => e.BotFrameworkAuthenticationFactory],
      ['in', (e) => 'JwtTokenValidation' in e],
      ['key listing', (e) => Object.keys(e)],
    ];
    for (const [what, use] of uses) {
      const f = connectorFacade(() => real, realPart);
      use(f.exports as Exports);
      expect([what, f.loaded()]).toEqual([what, true]);
    }
    const f = connectorFacade(() => real, realPart);
    expect(Object.keys(f.exports)).toEqual(Object.keys(real));
    expect((f.exports as Exports).ClaimsIdentity).toBe(real.ClaimsIdentity);
  });

  test('each name of the facade is looked up once, however often compiled code reads it', () => {
    // compiled code reads `connector_1.ClaimsIdentity` on every use, every turn: a file look-up per read cost
    // ~1.8 ms CPU per turn in the quiet bench (care bot 2.2 → 4.0 ms/request) before the look-ups were kept
    const { connectorFacade, CONNECTOR_PARTS } = jest.requireActual('../../bot/sdk/connector') as typeof import('../../bot/sdk/connector');
    const real = jest.requireActual('botframework-connector') as Exports;
    const files: string[] = [];
    const f = connectorFacade(() => real, (file) => { files.push(file); return realPart(file); });
    for (let i = 0; i < 5; i++) for (const name of Object.keys(CONNECTOR_PARTS)) expect((f.exports as Exports)[name]).toBe(real[name]);
    expect(files.sort()).toEqual(Object.values(CONNECTOR_PARTS).sort());
    expect(f.loaded()).toBe(false);
  });

  test('the app, its routes, an anonymous adapter and an in-process turn never load the index', async () => {
    let adapterModule: typeof import('../../bot/adapter') | undefined;
    let configModule: typeof import('../../bot/config') | undefined;
    jest.isolateModules(() => {
      jest.doMock('botframework-connector', () => {
        const { connectorFacade } = jest.requireActual('../../bot/sdk/connector') as typeof import('../../bot/sdk/connector');
        return connectorFacade(() => { throw new Error('botframework-connector index loaded'); }, realPart).exports;
      });
      expect(() => {
        require('../../bot/app');
        require('../../bot/web/routes');
        require('../../bot/staff/routes');
      }).not.toThrow();
      adapterModule = require('../../bot/adapter');
      configModule = require('../../bot/config');
    });
    jest.dontMock('botframework-connector'); // the mock outlives isolateModules otherwise
    /* eslint-enable @typescript-eslint/no-require-imports */
    const config = configModule!.loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '' } as NodeJS.ProcessEnv);
    const services = { log: { error: jest.fn() }, i18n: { t: () => 'error' }, defaultLang: 'de' } as never;
    const adapter = adapterModule!.createAdapter(config, services, { delete: jest.fn() } as never);
    const replies = await adapter.runInProcess({
      type: 'message', id: 'a1', text: 'Hallo', channelId: 'emulator', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'c1' },
    } as never, async (ctx) => { await ctx.sendActivity('echo'); });
    expect((replies.body as { activities: { text: string }[] }).activities.map((a) => a.text)).toEqual(['echo']);
  });
});

describe('DeferredAuthentication', () => {
  test('anonymous: built on the first request that needs it, and answers as the object it builds', async () => {
    const services = { log: { error: jest.fn() }, i18n: { t: () => 'error' }, defaultLang: 'de' } as never;
    const anonymous = createAdapter(loadConfig({ MicrosoftAppId: '' } as NodeJS.ProcessEnv), services, {} as never);
    const auth = (anonymous as unknown as { botFrameworkAuthentication: InstanceType<typeof DeferredAuthentication> }).botFrameworkAuthentication;
    expect(auth).toBeInstanceOf(DeferredAuthentication);
    expect(auth.isBuilt).toBe(false);
    const activity = { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' } } as never;
    const real = new ConfigurationBotFrameworkAuthentication({});
    const identity = async (a: { authenticateRequest: (x: never, h: string) => Promise<{ claimsIdentity: unknown; callerId?: string }> }) => {
      const r = await a.authenticateRequest(activity, '');
      return [r.claimsIdentity, r.callerId];
    };
    expect(await identity(auth)).toEqual(await identity(real));
    expect(auth.isBuilt).toBe(true);
    // also where the SDK's own object throws
    expect(() => auth.getOriginatingAudience()).toThrow('NotImplemented');
    expect(() => real.getOriginatingAudience()).toThrow('NotImplemented');
    const credentialed = createAdapter(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' } as NodeJS.ProcessEnv), services, {} as never);
    expect((credentialed as unknown as { botFrameworkAuthentication: unknown }).botFrameworkAuthentication).not.toBeInstanceOf(DeferredAuthentication);
  });
});
