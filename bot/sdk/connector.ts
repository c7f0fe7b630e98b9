// botframework-connector's index without loading it at start. botbuilder-core's index (which TurnContext
// and every botbuilder-dialogs file require) requires the connector's index, and that loads every
// authentication client: @azure/identity, msal-node, the whole of jsonwebtoken, ~180 modules and
// 150–290 ms CPU of every start (docs/turn-cost-2026-12.md, session 17b). While loading, botbuilder-core
// touches only three of its names (base classes and constants); anonymous in-process turns two more.
// So the index is answered by a facade: those names come from their own files (the same objects the
// index re-exports), any other name, `in` or key listing loads the real index once and answers from it.
// Authentication with MicrosoftAppId set, and anonymous replies to a serviceUrl, load it on first use
// (bot/adapter.ts defers the anonymous authentication object until then).
import Module from 'node:module';
import * as path from 'node:path';

type Exports = Record<string | symbol, unknown>;

/** The names the start and an in-process turn use, each with the file that defines it. */
export const CONNECTOR_PARTS: Readonly<Record<string, string>> = {
  AuthenticationConstants: 'auth/authenticationConstants',
  BotFrameworkAuthentication: 'auth/botFrameworkAuthentication',
  ClaimsIdentity: 'auth/claimsIdentity',
  PasswordServiceClientCredentialFactory: 'auth/passwordServiceClientCredentialFactory',
};

export interface ConnectorFacade {
  readonly exports: object;
  /** whether the real index has been loaded (by a name outside CONNECTOR_PARTS, `in` or a key listing) */
  loaded(): boolean;
}

/** A facade over the index: `loadIndex` loads the real index, `loadPart` one file of CONNECTOR_PARTS. */
export function connectorFacade(loadIndex: () => Exports, loadPart: (file: string) => Exports): ConnectorFacade {
  let real: Exports | undefined;
  const full = (): Exports => (real ??= loadIndex());
  // compiled code reads a namespace member on every use (`connector_1.ClaimsIdentity`), per turn: a
  // require per read would cost a path resolution each time, so each part is looked up once
  const parts = new Map<string, unknown>();
  // not named `exports`: the compiled module's own exports object would be shadowed
  const answers = new Proxy({}, {
    get(_t, name) {
      if (name === '__esModule') return true;
      const part = typeof name === 'string' && !real ? CONNECTOR_PARTS[name] : undefined;
      if (!part) return full()[name];
      if (!parts.has(name as string)) parts.set(name as string, loadPart(part)[name]);
      return parts.get(name as string);
    },
    has: (_t, name) => name in full(),
    ownKeys: () => Reflect.ownKeys(full()),
    getOwnPropertyDescriptor(_t, name) {
      const d = Object.getOwnPropertyDescriptor(full(), name);
      // the index defines its re-exports non-configurable; a proxy may not report that for a key its target lacks
      return d && { ...d, configurable: true };
    },
  });
  return { exports: answers, loaded: () => real !== undefined };
}

interface NodeModule { _cache: Record<string, { exports: unknown; loaded: boolean; filename: string }> }

let installed: ConnectorFacade | undefined;

/**
 * Puts the facade in Node's module cache in place of the index, unless the index is already loaded or
 * modules are not loaded by Node's loader (jest has its own registry: there the real index loads, and
 * test/unit/startModules.test.ts checks the facade through jest's mocks). Idempotent.
 */
export function installConnectorFacade(): ConnectorFacade | undefined {
  const M = Module as unknown as NodeModule;
  if (installed || require.cache !== M._cache) return installed;
  const index = require.resolve('botframework-connector');
  if (M._cache[index]) return undefined;
  const lib = path.dirname(index);
  const entry = new Module(index) as unknown as NodeModule['_cache'][string];
  /* eslint-disable @typescript-eslint/no-require-imports -- the point is to decide when each file loads */
  const facade = connectorFacade(() => {
    delete M._cache[index];
    try {
      return require(index) as Exports;
    } finally {
      M._cache[index] = entry; // modules that required the facade keep it; it answers from the real index now
    }
  }, (file) => require(path.join(lib, file)) as Exports);
  /* eslint-enable @typescript-eslint/no-require-imports */
  entry.filename = index;
  entry.exports = facade.exports;
  entry.loaded = true;
  M._cache[index] = entry;
  return (installed = facade);
}

installConnectorFacade();
