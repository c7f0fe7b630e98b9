// Structured logs (pino). Citizen text is health data: it is never logged unless LOG_USER_TEXT is
// switched on for local development, and even the field names that could carry it are redacted.
import pino from 'pino';
import type { Logger } from './services';

export function createLogger(level: string, logUserText: boolean, destination?: pino.DestinationStream): Logger & pino.Logger {
  return pino(
    {
      level,
      base: { app: 'pflegenetz' },
      redact: logUserText ? [] : { paths: ['text', '*.text', 'activity.text', 'body', 'req.body'], censor: '[redacted]' },
    },
    destination,
  );
}
