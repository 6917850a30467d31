// Tests import modules marked `import "server-only"` (src/server, the features' queries and actions).
// Next.js resolves that package to an empty module on the server; vitest resolves it here (vitest.config.ts).
export {};
