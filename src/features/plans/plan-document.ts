import { z } from "zod";

// A plan as a document: what a careful official would type from it, what the importer extracts from a
// Word file, and what a new implementing plan starts from. Every text as
// written (targets, timeframes and agency names are parsed and normalised when it is stored, not here).

export type DocumentTask = {
  /** Numbering as written: "1.", "1.1.", "a)", "-", or "" for an unnumbered paragraph of its own. */
  numbering: string;
  /** The heading of a task group or sub-group, when the document gives one. */
  title?: string;
  /** The task's text; paragraphs separated by a blank line. Empty for a pure heading. */
  body: string;
  /** Agency names exactly as written, one per entry (collective names such as "UBND các xã, thị trấn" whole). */
  lead?: string[];
  coordinating?: string[];
  directing?: string[];
  advising?: string[];
  /** "Thường xuyên", "Năm 2024 và các năm tiếp theo", "Quý I/2024" … as written; null when the document gives none. */
  timeframe?: string | null;
  children?: DocumentTask[];
};

export type DocumentIndicator = {
  /** Code as written ("2.1", "-"), or assigned in document order for prose indicators. */
  code: string;
  name: string;
  unit?: string | null;
  isGroup?: boolean;
  /** Targets as written per milestone year: "<4", "2-2,5", "dưới 1,2%", "Giải quyết cơ bản", "-". */
  targets?: Record<string, string>;
  /** Baseline as written, with its year, when the document gives one. */
  baseline?: { year: number; text: string };
  /** The "X" of an appendix column such as "Tại Chương trình 54-CTr/TU". */
  fromParent?: boolean;
  direction?: "HIGHER_BETTER" | "LOWER_BETTER" | "WITHIN_RANGE" | "QUALITATIVE";
  /** How the localities' figures combine in a compiled report (none when absent): see src/domain/locality-aggregation.ts. */
  aggregation?: "SUM" | "WEIGHTED_AVERAGE";
  /** For a weighted average: the code of the indicator of the same document that weighs each locality ("1.1"). */
  aggregationWeight?: string;
  /** For prose indicators: the sentence the indicator was read from. */
  sourceText?: string;
  children?: DocumentIndicator[];
};

const agencyList = z.array(z.string().min(1)).optional();

export const documentTaskSchema: z.ZodType<DocumentTask> = z.lazy(() =>
  z.object({
    numbering: z.string(),
    title: z.string().optional(),
    body: z.string(),
    lead: agencyList,
    coordinating: agencyList,
    directing: agencyList,
    advising: agencyList,
    timeframe: z.string().nullable().optional(),
    children: z.array(documentTaskSchema).optional(),
  }),
);

export const documentIndicatorSchema: z.ZodType<DocumentIndicator> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string().min(1),
    unit: z.string().nullable().optional(),
    isGroup: z.boolean().optional(),
    targets: z.record(z.string().regex(/^\d{4}$/), z.string()).optional(),
    baseline: z.object({ year: z.number().int(), text: z.string() }).optional(),
    fromParent: z.boolean().optional(),
    direction: z.enum(["HIGHER_BETTER", "LOWER_BETTER", "WITHIN_RANGE", "QUALITATIVE"]).optional(),
    aggregation: z.enum(["SUM", "WEIGHTED_AVERAGE"]).optional(),
    aggregationWeight: z.string().optional(),
    sourceText: z.string().optional(),
    children: z.array(documentIndicatorSchema).optional(),
  }),
);

export const planDocumentSchema = z.object({
  /** Stable key used to link seed plans to each other. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum([
    "RESOLUTION",
    "PROGRAMME",
    "PLAN",
    "DECISION",
    "DIRECTIVE",
    "CONCLUSION",
    "GUIDANCE",
    "REPORT",
    "NOTICE",
    "LETTER",
  ]),
  track: z.enum(["PARTY", "STATE"]),
  /** The number as written in the header, e.g. "222-KH/ThU", "Số: /KH-UBND" for an unnumbered draft. */
  number: z.string(),
  /** ISO date, or null when the document leaves the day blank ("ngày tháng năm 2024"). */
  issuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  place: z.string().nullable(),
  title: z.string().min(1),
  /** Header lines naming the issuing body, top to bottom, e.g. ["ĐẢNG BỘ TỈNH LÂM ĐỒNG", "THÀNH ỦY ĐÀ LẠT"]. */
  issuerHeader: z.array(z.string()),
  /** Key of the plan this one implements (see prisma/seed/cascade.ts). */
  parentKey: z.string().nullable(),
  /** Keys of the other documents it cites. */
  citedKeys: z.array(z.string()),
  signer: z.object({ name: z.string().nullable(), title: z.string().nullable(), signingForm: z.string().nullable() }),
  /** Narrative sections as written (paragraphs separated by a blank line), null when absent. */
  sections: z.object({
    preamble: z.string().nullable(),
    purpose: z.string().nullable(),
    requirements: z.string().nullable(),
    generalObjective: z.string().nullable(),
    vision: z.string().nullable(),
    funding: z.string().nullable(),
    implementation: z.string().nullable(),
  }),
  /** Deadlines this plan sets for its children, as written ("hoàn thành trong quý I/2024"). */
  childDeadlines: z.object({ plans: z.string().nullable(), reports: z.string().nullable() }),
  recipients: z.array(z.string()),
  tasks: z.array(documentTaskSchema),
  indicators: z.array(documentIndicatorSchema),
});

export type PlanDocument = z.infer<typeof planDocumentSchema>;
