import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The walls of docs/architecture.md, checked (ADR 0015):
// - only src/server touches the raw database client and the generated Prisma client's values;
// - src/domain imports nothing of the app; src/ui and src/server import no feature; nothing imports src/app;
// - a feature imports another feature only through the modules that feature offers (FEATURE_API).

/** What each feature offers the others; anything else in a feature is its own. */
const FEATURE_API = {
  plans: ["plan-document.ts", "create-plan.ts", "match-parent.ts", "parent-document.ts", "queries.ts"],
  results: ["recompute.ts", "plan-content.ts", "save-actuals.ts"],
  reporting: ["snapshot.ts", "calendar.ts"],
  export: ["document-template.ts", "indicator-cells.ts", "report-model.ts"],
  directory: ["organization-search.ts"],
  dashboards: ["queries.ts", "rollup.ts"],
  notifications: ["events.ts"],
};

const FEATURES = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: "./src/features",
  except: [
    `./${feature}`,
    ...Object.entries(FEATURE_API)
      .filter(([other]) => other !== feature)
      .flatMap(([other, files]) => files.map((file) => `./${other}/${file}`)),
  ],
  message:
    "A feature imports another only through the modules it offers (FEATURE_API in eslint.config.mjs, ADR 0015); move shared rules to src/domain, walls to src/server, pieces of screens to src/ui.",
}));

const layerZones = [
  {
    target: "./src/domain",
    from: ["./src/features", "./src/server", "./src/ui", "./src/app"],
    message: "src/domain is pure rules: it imports nothing of the app.",
  },
  {
    target: "./src/server",
    from: ["./src/features", "./src/ui", "./src/app"],
    message: "The walls in src/server do not depend on features or screens.",
  },
  {
    target: "./src/ui",
    from: ["./src/features", "./src/server", "./src/app"],
    message: "src/ui holds presentational pieces: no feature, no server code.",
  },
  { target: "./src/features", from: "./src/app", message: "Routes use features, not the other way round." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "src/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // Only the walls in src/server may touch the raw database client (one way into tenant data).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/prisma/client", "**/generated/prisma/client"],
              allowTypeImports: true,
              message: "Go through src/server/db (the scoped access layer).",
            },
            {
              group: ["@/server/db/client", "**/server/db/client"],
              message: "The raw client is the walls' own: use withScope() from @/server/db/scoped.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: [...layerZones, ...featureZones] }] },
  },
  {
    // A unit test may hold two features to each other (the print view and the Word file say the same
    // thing); the layers still hold.
    files: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  // Formatting is Prettier's (checked by `npm run lint`); switch off the style rules that would disagree with it.
  prettier,
];

export default config;
