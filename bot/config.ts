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
