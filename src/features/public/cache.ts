import "server-only";
import { unstable_cache } from "next/cache";
import { PUBLIC_SCOPE } from "@/server/db/scope";
import { withScope } from "@/server/db/scoped";
import { PUBLIC_CACHE_SECONDS, PUBLIC_TAG, publicPlanTag } from "@/server/public-cache";
import { publicPlan, publishedPlaces, type PublicPlan, type PublicPlace } from "./queries";

// The public pages' data, cached by Next (unstable_cache: in each app process's memory and on disk
// under .next/cache) so that a page under load costs no query. Entries are read again when an action
// invalidates their tag (publishing, withdrawing, an amendment, results saved: src/server/actions.ts
// publicData) or, in the other app processes, once they are older than PUBLIC_CACHE_SECONDS
// (ADR 0034). Only published plans get an entry of their own: an id that is not published is "not
// found" without one, so requests for made-up ids cannot fill the cache.

/** The provinces and Central bodies with published plans, and those plans. */
export const cachedPlaces: () => Promise<PublicPlace[]> = unstable_cache(
  () => withScope(PUBLIC_SCOPE, publishedPlaces),
  ["public-places"],
  { tags: [PUBLIC_TAG], revalidate: PUBLIC_CACHE_SECONDS },
);

/** A published plan's page; null when the id is not one of a published plan. */
export async function cachedPublicPlan(id: string): Promise<PublicPlan | null> {
  const places = await cachedPlaces();
  // Not in this process's list: it may have been published a moment ago through another process
  // (whose action invalidated only its own cache). Asked again without the cache, so a plan just
  // published is never "not found" (one indexed probe; a made-up id still gets no entry).
  if (!places.some((place) => place.plans.some((plan) => plan.id === id)) && !(await isPublished(id))) return null;
  return unstable_cache(() => withScope(PUBLIC_SCOPE, (db) => publicPlan(db, id)), ["public-plan", id], {
    tags: [PUBLIC_TAG, publicPlanTag(id)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}

async function isPublished(id: string): Promise<boolean> {
  return withScope(
    PUBLIC_SCOPE,
    async (db) => (await db.plan.count({ where: { id, publishedAt: { not: null } } })) > 0,
  );
}
