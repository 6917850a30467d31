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
// (ADR 0034). Only published plans get an entry of their own: an id that is not in the list of
// published plans is "not found" without one, so requests for made-up ids cannot fill the cache.

/** The provinces and Central bodies with published plans, and those plans. */
export const cachedPlaces: () => Promise<PublicPlace[]> = unstable_cache(
  () => withScope(PUBLIC_SCOPE, publishedPlaces),
  ["public-places"],
  { tags: [PUBLIC_TAG], revalidate: PUBLIC_CACHE_SECONDS },
);

/** A published plan's page; null when the id is not one of a published plan. */
export async function cachedPublicPlan(id: string): Promise<PublicPlan | null> {
  const places = await cachedPlaces();
  if (!places.some((place) => place.plans.some((plan) => plan.id === id))) return null;
  return unstable_cache(() => withScope(PUBLIC_SCOPE, (db) => publicPlan(db, id)), ["public-plan", id], {
    tags: [PUBLIC_TAG, publicPlanTag(id)],
    revalidate: PUBLIC_CACHE_SECONDS,
  })();
}
