// The intent engine's topic for a story that denies what the topic is about (issue 17): "My mother is
// not confused at all, no dementia … what care grade could she get?" The classifier reads "dementia"
// as the topic (0.94) and knows nothing of the denial, which retrieval computes (negation.ts,
// Retriever.deniedConcepts). A topic whose core concept the story only denies is no reading of the
// message: it leaves the ranking and the next topic answers. Pure.

export interface TopicScore { intent: string; score: number }

/** A topic's core concepts: those at least half of its question entries declare (canonical ids). A
 *  topic with fewer than `minEntries` entries has none: two entries say too little about a topic. */
export function topicCores(
  entries: Iterable<{ topic: string; concepts: readonly string[] }>, canonical: (c: string) => string, minEntries = 3,
): Map<string, ReadonlySet<string>> {
  const counts = new Map<string, { n: number; by: Map<string, number> }>();
  for (const e of entries) {
    const t = counts.get(e.topic) ?? { n: 0, by: new Map<string, number>() };
    t.n++;
    for (const c of new Set(e.concepts.map(canonical))) t.by.set(c, (t.by.get(c) ?? 0) + 1);
    counts.set(e.topic, t);
  }
  const out = new Map<string, ReadonlySet<string>>();
  for (const [topic, t] of counts) {
    if (t.n < minEntries) continue;
    const core = [...t.by].filter(([, n]) => n >= t.n / 2).map(([c]) => c);
    if (core.length) out.set(topic, new Set(core));
  }
  return out;
}

/** The topics the denied concepts take out: those with a core concept among them. */
export function deniedTopics(denied: ReadonlySet<string>, cores: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const out = new Set<string>();
  if (!denied.size) return out;
  for (const [topic, core] of cores) if ([...core].some((c) => denied.has(c))) out.add(topic);
  return out;
}

/** The ranking without the denied topics, when the best one is denied; the next topic becomes the
 *  intent with its own score (not scaled up: the engine was not sure of it, and the routes that need a
 *  sure topic keep asking for one). Unchanged when the best topic is not denied (a denied runner-up
 *  takes nothing from the answer) or when every topic is denied. */
export function withoutDeniedTopics<R extends { intent: string; score: number; ranked: TopicScore[] }>(r: R, denied: ReadonlySet<string>): R {
  if (!denied.has(r.intent)) return r;
  const ranked = r.ranked.filter((x) => !denied.has(x.intent));
  if (!ranked.length) return r;
  return { ...r, intent: ranked[0].intent, score: ranked[0].score, ranked };
}
