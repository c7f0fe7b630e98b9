// Request bodies for every route (replaces restify's bodyParser). restify's parser counted the bytes
// on the wire, so 100 KB of gzip became 200 MB in memory, and it accepted multipart uploads of any
// size into temp files. Here the limit holds for the decoded body, multipart and forms are refused,
// and JSON is checked for depth and string length (jsonLimits.ts) before JSON.parse sees it.
import type * as restify from 'restify';
import * as zlib from 'zlib';
import type { Transform } from 'stream';
import { DEFAULT_JSON_LIMITS, jsonLimitBreach, type JsonLimits } from './jsonLimits';

export interface BodyOptions {
  /** largest body in bytes, counted on the wire and again after decompression */
  maxBytes: number;
  json?: JsonLimits;
}

const JSONISH = /^(application\/(json|[\w.+-]+\+json)|text\/plain)$/;

/** Errors in the shape each API uses: Direct Line's { error: { code, message } }, else { error, message }. */
export function sendProblem(req: restify.Request, res: restify.Response, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.header('connection', 'close');
  res.json((req.path?.() ?? req.url ?? '').startsWith('/v3/directline') ? { error: { code, message } } : { error: code, message });
}

function decoderFor(encoding: string): Transform | null | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

export function bodyReader(opts: BodyOptions): restify.RequestHandler {
  const jsonLimits = opts.json ?? DEFAULT_JSON_LIMITS;
  return (req, res, next) => {
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const length = Number(req.header('content-length') ?? 0);
    const chunked = /chunked/i.test(req.header('transfer-encoding') ?? '');
    if (!chunked && (!Number.isFinite(length) || length === 0)) return next();
    const refuse = (status: number, code: string, message: string) => {
      req.unpipe();
      req.resume(); // discard the rest; 'connection: close' ends the socket after the answer
      sendProblem(req, res, status, code, message);
      next(false);
    };
    if (type && !JSONISH.test(type)) {
      return refuse(415, 'UnsupportedMediaType', 'Send JSON (Content-Type: application/json). Uploads and forms are not accepted.');
    }
    const decoder = decoderFor((req.header('content-encoding') ?? '').trim().toLowerCase());
    if (decoder === undefined) return refuse(415, 'UnsupportedEncoding', 'Content-Encoding must be gzip, deflate, br or none.');
    const tooLarge = () => refuse(413, 'PayloadTooLarge', `The body may be at most ${opts.maxBytes} bytes (after decompression).`);
    if (length > opts.maxBytes) return tooLarge();

    const chunks: Buffer[] = [];
    let wire = 0;
    let decoded = 0;
    let done = false;
    const finish = (fail?: () => void) => {
      if (done) return;
      done = true;
      if (decoder) {
        decoder.removeAllListeners('data');
        decoder.destroy();
      }
      if (fail) return fail();
      const text = Buffer.concat(chunks).toString('utf8');
      (req as restify.Request & { rawBody?: string }).rawBody = text;
      if (!text.trim()) {
        req.body = undefined;
        return next();
      }
      const breach = jsonLimitBreach(text, jsonLimits);
      if (breach) return refuse(413, 'PayloadTooComplex', `The JSON body has ${breach}.`);
      try {
        req.body = JSON.parse(text);
      } catch {
        return refuse(400, 'BadJson', 'The body is not valid JSON.');
      }
      next();
    };
    const onDecoded = (chunk: Buffer) => {
      if (done) return;
      decoded += chunk.length;
      if (decoded > opts.maxBytes) return finish(tooLarge);
      chunks.push(chunk);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      wire += chunk.length;
      if (wire > opts.maxBytes) return finish(tooLarge);
      if (decoder) decoder.write(chunk);
      else onDecoded(chunk);
    });
    req.on('error', () => finish(() => undefined));
    req.on('end', () => {
      if (!decoder) return finish();
      decoder.end();
    });
    if (decoder) {
      decoder.on('data', onDecoded);
      decoder.on('error', () => finish(() => refuse(400, 'BadEncoding', 'The body could not be decompressed.')));
      decoder.on('end', () => finish());
    }
  };
}
