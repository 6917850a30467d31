import { createRequire } from "node:module";

// Just enough of React's flight (RSC) format to drive the app as its browser code does, without a
// browser: the rows of a response, the router state a page hands to the client (which the browser
// sends back with every server action), and the result of a server action.
//
// A response is a sequence of rows `<hex id>:<payload>`: a JSON row ends with "\n"; a text row
// (`T<hex byte length>,<text>`) has no terminator. Strings that start with "$" are escaped as "$$";
// "$@<hex>" and "$<hex>" refer to another row.

export type FlightRows = Map<number, string>;

const NEWLINE = 0x0a;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Splits a flight payload into its rows (id → raw payload). */
export function flightRows(payload: string): FlightRows {
  const bytes = Buffer.from(payload, "utf8");
  const rows: FlightRows = new Map();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(COLON, at);
    if (colon < 0) break;
    const id = Number.parseInt(bytes.subarray(at, colon).toString("latin1"), 16);
    const tag = bytes[colon + 1];
    if (tag === 0x54 /* T */) {
      const comma = bytes.indexOf(COMMA, colon + 2);
      const length = Number.parseInt(bytes.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(NEWLINE, colon + 1);
    const stop = end < 0 ? bytes.length : end;
    if (!Number.isNaN(id)) rows.set(id, bytes.subarray(colon + 1, stop).toString("utf8"));
    at = stop + 1;
  }
  return rows;
}

/** The flight payload a server-rendered page inlines for the browser (`self.__next_f.push([1, "…"])`). */
export function inlinedFlight(html: string): string {
  let payload = "";
  for (const match of html.matchAll(/self\.__next_f\.push\((\[1,"(?:[^"\\]|\\.)*"\])\)/g)) {
    const [, chunk] = JSON.parse(match[1]!) as [number, string];
    payload += chunk;
  }
  return payload;
}

function jsonRow(rows: FlightRows, id: number): unknown {
  const raw = rows.get(id);
  if (raw === undefined) throw new Error(`Phản hồi RSC thiếu dòng ${id}`);
  return JSON.parse(raw);
}

type TransportNode = { s: unknown; h?: unknown; c?: [string, TransportNode][]; d?: unknown };

// Next's own client functions, so that the header is what the browser's router would send.
const require = createRequire(import.meta.url);
const { transportNodeToFlightRouterState } = require("next/dist/shared/lib/rsc-transport") as {
  transportNodeToFlightRouterState: (node: TransportNode, renderedSearch: string) => unknown;
};
const { prepareFlightRouterStateForRequest } = require("next/dist/client/flight-data-helpers") as {
  prepareFlightRouterStateForRequest: (tree: unknown) => string;
};

/** A reference to another row: "$<hex>" (a value), "$Q<hex>" (a Map, whose row holds its entries). */
function referenced(value: unknown, rows: FlightRows): unknown {
  if (typeof value !== "string") return value;
  const ref = /^\$Q?([0-9a-f]+)$/.exec(value);
  return ref ? jsonRow(rows, Number.parseInt(ref[1]!, 16)) : value;
}

/** The route tree of a payload, with its nodes' children resolved (the render data left out). */
function transportTree(value: unknown, rows: FlightRows, depth = 0): TransportNode {
  if (depth > 50) throw new Error("Cây định tuyến lồng quá sâu");
  const node = referenced(value, rows) as TransportNode;
  const children = referenced(node.c, rows) as [string, unknown][] | undefined;
  return {
    s: node.s,
    ...(node.h === undefined ? {} : { h: node.h }),
    ...(children ? { c: children.map(([key, child]) => [key, transportTree(child, rows, depth + 1)]) } : {}),
  } as TransportNode;
}

/**
 * The header `Next-Router-State-Tree` the browser sends with a server action called from a page it
 * has just loaded: the router state its client derives from the page's inlined payload
 * (`createInitialRouterState`), prepared for a request as the client does it.
 */
export function routerStateHeader(html: string): string {
  const rows = flightRows(inlinedFlight(html));
  const root = jsonRow(rows, 0) as { t?: { t?: unknown }; q?: string };
  if (!root.t?.t) throw new Error("Không tìm thấy cây định tuyến (router state) trong trang");
  const tree = transportNodeToFlightRouterState(transportTree(root.t.t, rows), root.q ?? "");
  return prepareFlightRouterStateForRequest(tree);
}

/** Undoes the flight escaping of plain data (strings, numbers, arrays, objects, null); references are resolved. */
function revive(value: unknown, rows: FlightRows, depth = 0): unknown {
  if (depth > 50) throw new Error("Phản hồi RSC lồng quá sâu");
  if (typeof value === "string") {
    if (!value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref) return revive(jsonRow(rows, Number.parseInt(ref[1]!, 16)), rows, depth + 1);
    throw new Error(`Giá trị RSC chưa hỗ trợ: ${value.slice(0, 20)}`);
  }
  if (Array.isArray(value)) return value.map((v) => revive(v, rows, depth + 1));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, rows, depth + 1)]));
  return value;
}

/** The value a server action returned, from its response (row 0 holds `{ a: <result>, … }`). */
export function actionResult(payload: string): unknown {
  const rows = flightRows(payload);
  const root = jsonRow(rows, 0) as { a?: unknown };
  if (!("a" in root)) throw new Error("Phản hồi của server action không có kết quả (a)");
  return revive(root.a, rows);
}
