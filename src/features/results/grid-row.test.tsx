import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readActualCell } from "./cell";
import { draftOf } from "./grid-model";
import { GridRow } from "./grid-row";
import type { GridIndicator } from "./queries";

const row: GridIndicator = {
  kind: "indicator",
  id: "i1",
  code: "1.1",
  name: "Tỷ lệ hộ nghèo",
  unit: "%",
  depth: 1,
  direction: "LOWER_BETTER",
  target2025: "dưới 1,2%",
  target2030: "",
  chosen: false,
  statusInput: { direction: "LOWER_BETTER", baseline: null, targets: [], actuals: [] },
  previous: null,
  baseline: null,
  actual: null,
};
const noop = () => {};

function render(text: string, props: Partial<Parameters<typeof GridRow>[0]> = {}) {
  return renderToStaticMarkup(
    <table>
      <tbody>
        <GridRow
          row={row}
          index={4}
          year={2026}
          draft={{ ...draftOf(null), text }}
          reading={readActualCell(text, "numeric")}
          saved={null}
          serverError={undefined}
          dirty={text !== ""}
          canEdit
          onUpdate={noop}
          onKeyDown={noop}
          onPaste={noop}
          {...props}
        />
      </tbody>
    </table>,
  );
}

describe("a row of the results grid", () => {
  it("names each cell after its indicator and places it for the keyboard", () => {
    const html = render("");
    // Named by reference: the column's header, a dash, the row's code and name (each written once).
    expect(html).toContain('aria-labelledby="kqh0 kqd kqc4 kqn4"');
    expect(html).toContain('aria-labelledby="kqh2 kqd kqc4 kqn4"');
    expect(html).toContain('<td id="kqc4">1.1</td>');
    expect(html).toContain('<span id="kqn4">Tỷ lệ hộ nghèo</span>');
    expect(html).toContain('data-row="4" data-col="0"');
    expect(html).toContain('data-col="2"');
    expect(html).toContain('data-col="3"');
    // The status of a computed indicator is not a cell of its own.
    expect(html).not.toContain('data-col="1"');
    expect(html).toContain("↓ càng thấp càng tốt");
    expect(html).toContain('title="Thấp hơn 1,2%"');
  });

  it("keeps a text it cannot read, with the reason tied to the cell", () => {
    const html = render("1.2");
    expect(html).toContain('value="1.2"');
    expect(html).toMatch(/aria-invalid="true" aria-describedby="loi-4"/);
    expect(html).toMatch(/id="loi-4"[^>]*>Không đọc được “1.2”: dùng dấu phẩy/);
    expect(html).toContain('class="row dirty"');
  });

  it("shows last year's actual and the baseline beside the input, tied to it", () => {
    const compared = { ...row, previous: { year: 2025, text: "1,5" }, baseline: { year: 2020, text: "3,2" } };
    const html = render("1.2", { row: compared });
    expect(html).toMatch(/id="so-sanh-4"[^>]*>Năm 2025: 1,5 · Cơ sở \(2020\): 3,2</);
    expect(html).toContain('aria-describedby="so-sanh-4 loi-4"');
    const viewer = render("", { row: { ...compared, previous: null }, canEdit: false });
    expect(viewer).toContain("Cơ sở (2020): 3,2");
  });

  it("shows the server's message in place of the reading's", () => {
    const html = render("5", { serverError: "Vừa được người khác cập nhật" });
    expect(html).toContain("Vừa được người khác cập nhật");
  });

  it("offers the statuses to choose where the user chooses, and only reads for a viewer", () => {
    const chosen = render("", { row: { ...row, chosen: true, direction: "QUALITATIVE" } });
    expect(chosen).toContain('data-col="1"');
    expect(chosen).toContain("— Chọn đánh giá —");
    expect(chosen).toContain("Đạt/vượt");
    const viewer = render("", { canEdit: false });
    expect(viewer).not.toContain("<input");
  });

  it("writes each text of a row once: no class lists, labels or long ids repeated per cell", () => {
    const html = render("");
    expect(html.split("Tỷ lệ hộ nghèo").length - 1).toBe(1);
    expect(html.split("dưới 1,2%").length - 1).toBe(1);
    expect(html).not.toContain("i1");
    // The look is in results-grid.css: a row of three inputs stays well under a kilobyte.
    expect(html).not.toMatch(/class="[^"]* [^"]* [^"]*"/);
    expect(Buffer.byteLength(html)).toBeLessThan(1000);
  });
});
