// The public pages' cached data (ADR 0034): its tags, which the actions that change what they show
// invalidate, and how long an app process keeps an entry before reading it again. A tag invalidated
// by an action reaches the cache of the process that ran it; the other app processes (npm start runs
// one per core, each with its own cache) read again once their entry is older than
// PUBLIC_CACHE_SECONDS, so a change shows there within that bound.

/** Every public entry: what plans are published, and each published plan's page. */
export const PUBLIC_TAG = "public";

/** One published plan's page (its indicators, targets and actuals). */
export function publicPlanTag(planId: string): string {
  return `public:plan:${planId}`;
}

export const PUBLIC_CACHE_SECONDS = 30;
