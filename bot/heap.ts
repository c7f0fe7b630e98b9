// The heap ceiling is set where the bot is started (`npm start`: --max-old-space-size). The bot's own
// data is ~80 MB plus ~2 KB per stored conversation (all state of the retention period is held in
// memory, see store/lowdbStorage.ts); without a ceiling V8 lets garbage pile up to gigabytes before it
// collects. Near the ceiling V8 would stop the process, so staff get a warning well before that.
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

export interface HeapFigures { used_heap_size: number; heap_size_limit: number }

export const HEAP_WARN_SHARE = 0.6;

/** A log line's fields when the heap is fuller than HEAP_WARN_SHARE of its ceiling, else undefined. */
export function heapWarning(h: HeapFigures): { usedMb: number; limitMb: number } | undefined {
  if (!(h.heap_size_limit > 0) || h.used_heap_size <= HEAP_WARN_SHARE * h.heap_size_limit) return undefined;
  return { usedMb: Math.round(h.used_heap_size / 1e6), limitMb: Math.round(h.heap_size_limit / 1e6) };
}

/** One full collection once listening: the start leaves ~20–30 MB of garbage (the caches' JSON texts)
 *  that V8 would otherwise keep until load forces a major collection (RSS after warm-up +25 MB). */
export function collectStartGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
