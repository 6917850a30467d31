import { describe, expect, it } from "vitest";
import { actionResult, flightRows, inlinedFlight, routerStateHeader } from "./flight";

describe("flightRows", () => {
  it("splits JSON rows and text rows, whose length counts UTF-8 bytes", () => {
    const text = "Báo cáo\nnăm";
    const payload = `0:{"a":"$@1"}\n1:T${Buffer.byteLength(text).toString(16)},${text}2:["x"]\n`;
    const rows = flightRows(payload);
    expect(rows.get(0)).toBe('{"a":"$@1"}');
    expect(rows.get(1)).toBe(text);
    expect(rows.get(2)).toBe('["x"]');
  });
});

describe("actionResult", () => {
  it("reads the value a server action returned, resolving references and escaped dollars", () => {
    const payload = `0:{"a":"$@1","f":"","b":"build"}\n1:{"status":"ok","data":{"saved":[{"version":2,"note":"$$5"}],"gone":"$undefined"}}\n`;
    expect(actionResult(payload)).toEqual({
      status: "ok",
      data: { saved: [{ version: 2, note: "$5" }], gone: undefined },
    });
  });

  it("refuses a response that is not an action's", () => {
    expect(() => actionResult(`0:{"P":null}\n`)).toThrow();
  });
});

describe("the page's router state", () => {
  // What Next.js 16 inlines in a page: the payload's chunks pushed to self.__next_f, the route tree in
  // row 0 ("t"), children as Maps ("$Q<row>").
  const payload =
    `0:{"P":null,"c":["","plans","p1","results?year=2026"],"q":"?year=2026","i":false,"t":{"t":{"s":"","h":16,"d":{"r":"$L3"},"c":"$Qa"}}}\n` +
    `a:[["children",{"s":"(app)","c":"$Qb"}]]\n` +
    `b:[["children",{"s":{"n":"id","k":"p1","t":"d"},"c":[["children",{"s":"__PAGE__"}]]}]]\n`;
  const html = `<html><body><script>(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="abc">self.__next_f.push(${JSON.stringify([1, payload.slice(0, 40)])})</script><script>self.__next_f.push(${JSON.stringify([1, payload.slice(40)])})</script></body></html>`;

  it("is found by joining the inlined chunks", () => {
    expect(inlinedFlight(html)).toBe(payload);
  });

  it("is sent back as Next's client prepares it", () => {
    const tree = JSON.parse(decodeURIComponent(routerStateHeader(html)));
    expect(tree[0]).toBe("");
    expect(tree[1].children[0]).toBe("(app)");
    expect(tree[1].children[1].children[0]).toEqual(["id", "p1", "d", null]);
    expect(tree[1].children[1].children[1].children[0]).toBe("__PAGE__");
  });
});
