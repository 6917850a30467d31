// A small composable SQL template: fragments nest, values always travel as bind parameters ($1, $2 …),
// never inside the text. The generated Prisma `Prisma.sql` helper is off limits outside src/server
// (an ESLint rule), and the rollups need optional fragments (filters by track, by group), so this
// builds the text and the values that `db.$queryRawUnsafe(text, ...values)` then sends as a
// parameterised query.

import { PREPARED_MARK } from "./prepared-statements";

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The text with $n placeholders, and the values in order. */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0] ?? "";
    this.values.forEach((value, index) => {
      if (value instanceof Sql) text += value.render(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[index + 1] ?? "";
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** A fragment of literal SQL (for the few keywords that cannot be parameters). Never pass user input. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export const empty = raw("");

/** Joins fragments with a separator, e.g. conditions with " AND ". */
export function join(parts: Sql[], separator: string): Sql {
  if (parts.length === 0) return empty;
  const strings = ["", ...parts.slice(1).map(() => separator), ""];
  return new Sql(strings, parts);
}

/**
 * A statement kept prepared on each connection, its plan reused once PostgreSQL finds a generic plan
 * no costlier (src/server/db/prepared-statements.ts). Only for statements whose text is one of a few
 * variants and whose plan does not depend on how many values an array parameter holds.
 */
export function prepared(statement: Sql): Sql {
  return new Sql([`${PREPARED_MARK}\n`, ""], [statement]);
}
