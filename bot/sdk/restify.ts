// restify's server without its index. The index loads every plugin at once (authorization with
// http-signature and sshpk, static files with send, gzip, throttle, ...): 80–130 ms CPU of every start
// with the code cache (docs/turn-cost-2026-12.md, session 17), and the bot uses one plugin, the query
// parser. Types still come from 'restify' (erased at build); values come from here.
import type * as restify from 'restify';
import pino from 'pino';

/* eslint-disable @typescript-eslint/no-require-imports */
const Server = require('restify/lib/server') as new (options: object) => restify.Server;
const Router = require('restify/lib/router') as new (options: object) => object;
export const queryParser = require('restify/lib/plugins/query') as typeof restify.plugins.queryParser;
/* eslint-enable @typescript-eslint/no-require-imports */

/** restify.createServer (restify 11): the same defaults, Server and Router. Without the handler
 *  for uncaught exceptions, which the index adds only when `handleUncaughtExceptions` is set (never here). */
export function createServer(options: restify.ServerOptions): restify.Server {
  if (options.handleUncaughtExceptions) throw new Error('createServer: handleUncaughtExceptions needs restify.createServer');
  const opts: Record<string, unknown> = { ...options };
  opts.name = Object.prototype.hasOwnProperty.call(options, 'name') ? options.name : 'restify';
  opts.log = options.log || pino({ name: (opts.name as string) || 'restify' });
  opts.router = options.router || new Router(opts);
  return new Server(opts);
}
