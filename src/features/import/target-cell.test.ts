import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TargetCell } from "./target-cell";

// A target read from doubtful text says so beside the value (doubt.ts), so that a guess never looks valid.

function render(mark?: string) {
  return renderToString(
    createElement(
      "table",
      null,
      createElement(
        "tbody",
        null,
        createElement(
          "tr",
          null,
          createElement(TargetCell, {
            value: "2030",
            label: "Mục tiêu năm 2030 — 1 Tuổi thọ",
            onChange: () => {},
            mark,
            indicator: { unit: "năm", direction: undefined },
          }),
        ),
      ),
    ),
  );
}

describe("a target cell", () => {
  it("shows the doubt and ties it to the input", () => {
    const html = render("Số “20630” trong bản quét đã được đoán là “2030”: hãy đối chiếu với văn bản gốc");
    expect(html).toContain("Cần kiểm tra");
    expect(html).toContain("Số “20630” trong bản quét");
    expect(html).toContain('data-testid="target-doubt"');
    const id = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`id="${id}"`);
    expect(html).toContain("ring-amber-400");
  });

  it("shows no doubt without a mark", () => {
    const html = render();
    expect(html).not.toContain("Cần kiểm tra");
    expect(html).not.toContain("aria-describedby");
  });
});
