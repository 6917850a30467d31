import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "src/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Only the walls in src/server may touch the raw database client (one way into tenant data).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/generated/prisma/client", "**/generated/prisma/client"], allowTypeImports: true, message: "Go through src/server/db (the scoped access layer)." }] }],
    },
  },
];

export default config;
