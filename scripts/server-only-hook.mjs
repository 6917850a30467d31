// Lets Node scripts (the bench) load the application's modules marked `import "server-only"`. Next.js
// resolves that package to an empty module on the server; plain Node takes its default entry, which
// throws. Used as `tsx --import ./scripts/server-only-hook.mjs …`.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
