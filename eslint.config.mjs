import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

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
          ],
        },
      ],
    },
  },
  // Formatting is Prettier's (checked by `npm run lint`); switch off the style rules that would disagree with it.
  prettier,
];

export default config;
