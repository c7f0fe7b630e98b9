// The only module that reads process.env. Every variable is documented in .env.example.
import * as path from 'path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default(''),
  MicrosoftAppTenantId: z.string().default(''),
  DEFAULT_LOCALE: z.enum(['de', 'en']).default('de'),
  NLU_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  DATA_DIR: z.string().default('data'),
  NLU_CACHE_DIR: z.string().optional(),
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  LOCALES_DIR: z.string().default('locales'),
  MUNICIPALITY: z.string().regex(/^[a-z0-9_-]+$/).default('muelheim'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_USER_TEXT: bool.default(false),
  STATE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100000).default(2000),
  DIRECTLINE_SECRET: z.string().default(''),
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  // --- limits against hostile input and floods (docs/hostile.md) ---
  MAX_BODY_BYTES: z.coerce.number().int().min(16 * 1024).max(4 * 1024 * 1024).default(256 * 1024),
  SERVICE_URL_HOSTS: z.string().default('localhost,127.0.0.1,::1'),
  SERVICE_URL_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  FRAME_ANCESTORS: z.string().regex(/^[^;,\r\n]*$/, 'space-separated CSP sources, no ";" or ","').default("'self'"),
  STATE_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(60_000),
  STATE_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).max(4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  STATE_MAX_ENTRY_BYTES: z.coerce.number().int().min(4096).max(16 * 1024 * 1024).default(64 * 1024),
  DL_MAX_CONVERSATIONS: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  DL_MAX_CONVERSATION_BYTES: z.coerce.number().int().min(16 * 1024).max(64 * 1024 * 1024).default(256 * 1024),
  DL_MAX_TOTAL_BYTES: z.coerce.number().int().min(1024 * 1024).max(4 * 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  DL_NEW_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  DL_NEW_PER_ADDRESS_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  DL_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(50),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  STAFF_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_LOCKOUT_ADDRESS_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(20),
  STAFF_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  STAFF_INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  STAFF_CALLBACK_DELETE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  STAFF_TRUST_PROXY: bool.default(false),
  STAFF_ALLOW_HTTP: bool.default(false),
});

/** "a.example, b.example:8443, [::1]" → lower-case host names (a port is ignored: the host decides). */
export function hostList(v: string): string[] {
  return v.split(/[\s,]+/).map((raw) => {
    const h = raw.trim().toLowerCase();
    const v6 = /^\[([^\]]+)\](:\d+)?$/.exec(h);
    if (v6) return v6[1];
    return (h.match(/:/g) ?? []).length === 1 ? h.replace(/:\d*$/, '') : h;
  }).filter(Boolean);
}

export interface Config {
  port: number;
  host: string;
  auth: { appId: string; appPassword: string; appType: string; tenantId: string };
  defaultLang: 'de' | 'en';
  nluThreshold?: number;
  dataDir: string;
  /** where the trained NLU model is cached (default: DATA_DIR/nlu-cache) */
  nluCacheDir: string;
  knowledgeDir: string;
  localesDir: string;
  municipality: string;
  logLevel: string;
  logUserText: boolean;
  retentionDays: number;
  maxMessageChars: number;
  directLineSecret: string;
  /** fixed "today" for reproducible demos and tests; normally unset (= the real date) */
  today?: string;
  /** request bodies, counted after decompression */
  maxBodyBytes: number;
  /** anonymous mode: the only hosts a reply may be sent to (serviceUrl), and how long it may take */
  serviceUrlHosts: string[];
  serviceUrlTimeoutMs: number;
  /** CSP frame-ancestors of the web pages */
  frameAncestors: string;
  /** stored state: entries, bytes of JSON in total and per entry (the least recently used go first) */
  state: { maxEntries: number; maxBytes: number; maxEntryBytes: number };
  /** built-in Direct Line: conversations, transcript bytes, new conversations per address */
  directLine: {
    maxConversations: number; maxConversationBytes: number; maxTotalBytes: number;
    perAddressPerMinute: number; perAddressBurst: number; maxPerAddress: number;
  };
  staff: StaffConfig;
}

/** The staff area (/staff): sessions, lockout, retention of inbox items and callbacks. */
export interface StaffConfig {
  idleMinutes: number;
  maxHours: number;
  lockoutAttempts: number;
  lockoutAddressAttempts: number;
  lockoutMinutes: number;
  inboxRetentionDays: number;
  callbackDeleteDays: number;
  /** behind a TLS-terminating proxy: trust its X-Forwarded-Proto / X-Forwarded-For */
  trustProxy: boolean;
  /** allow logins over plain http from other machines (loopback always may; never in production) */
  allowHttp: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const e = parsed.data;
  const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(root, p));
  return {
    port: e.PORT,
    host: e.HOST,
    auth: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType || 'MultiTenant', tenantId: e.MicrosoftAppTenantId },
    defaultLang: e.DEFAULT_LOCALE,
    nluThreshold: e.NLU_THRESHOLD,
    dataDir: abs(e.DATA_DIR),
    nluCacheDir: abs(e.NLU_CACHE_DIR ?? path.join(e.DATA_DIR, 'nlu-cache')),
    knowledgeDir: abs(e.KNOWLEDGE_DIR),
    localesDir: abs(e.LOCALES_DIR),
    municipality: e.MUNICIPALITY,
    logLevel: e.LOG_LEVEL,
    logUserText: e.LOG_USER_TEXT,
    retentionDays: e.STATE_RETENTION_DAYS,
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    directLineSecret: e.DIRECTLINE_SECRET,
    today: e.TODAY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    serviceUrlHosts: hostList(e.SERVICE_URL_HOSTS),
    serviceUrlTimeoutMs: e.SERVICE_URL_TIMEOUT_MS,
    // env files often lose quotes: self / none are keywords, written 'self' / 'none' in a CSP
    frameAncestors: e.FRAME_ANCESTORS.trim().split(/\s+/).filter(Boolean).map((t) => t.replace(/^'?(self|none)'?$/i, "'$1'")).join(' ') || "'self'",
    state: { maxEntries: e.STATE_MAX_ENTRIES, maxBytes: e.STATE_MAX_BYTES, maxEntryBytes: e.STATE_MAX_ENTRY_BYTES },
    directLine: {
      maxConversations: e.DL_MAX_CONVERSATIONS,
      maxConversationBytes: e.DL_MAX_CONVERSATION_BYTES,
      maxTotalBytes: e.DL_MAX_TOTAL_BYTES,
      perAddressPerMinute: e.DL_NEW_PER_ADDRESS_PER_MINUTE,
      perAddressBurst: e.DL_NEW_PER_ADDRESS_BURST,
      maxPerAddress: e.DL_MAX_PER_ADDRESS,
    },
    staff: {
      idleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
      maxHours: e.STAFF_SESSION_MAX_HOURS,
      lockoutAttempts: e.STAFF_LOCKOUT_ATTEMPTS,
      lockoutAddressAttempts: e.STAFF_LOCKOUT_ADDRESS_ATTEMPTS,
      lockoutMinutes: e.STAFF_LOCKOUT_MINUTES,
      inboxRetentionDays: e.STAFF_INBOX_RETENTION_DAYS,
      callbackDeleteDays: e.STAFF_CALLBACK_DELETE_DAYS,
      trustProxy: e.STAFF_TRUST_PROXY,
      allowHttp: e.STAFF_ALLOW_HTTP,
    },
  };
}
