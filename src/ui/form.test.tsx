import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionForm, CheckboxField, SelectField, TextAreaField, TextField, type SubmittedState } from "./form";

// What a form's fields show: after a refusal, the values that were sent (selects and checkboxes too)
// with each message tied to its control; otherwise the initial values. React's reset after an action
// itself is exercised in the browser tests (tests/e2e/forms-keep-values.spec.ts).

const ROLES = [
  { value: "VIEWER", label: "Xem" },
  { value: "EDITOR", label: "Nhập liệu" },
];

function render(state: SubmittedState) {
  return renderToStaticMarkup(
    <ActionForm state={state} aria-label="Thử">
      <TextField name="username" label="Tên đăng nhập" initial="ban.dau" hint="Chữ không dấu" />
      <TextAreaField name="note" label="Ghi chú" initial="" />
      <SelectField name="role" label="Vai trò" initial="VIEWER" options={ROLES} />
      <CheckboxField name="notify" label="Gửi thông báo" initial />
    </ActionForm>,
  );
}

const refused: SubmittedState = {
  status: "error",
  fieldErrors: { username: "Tên đăng nhập đã có", role: "Hãy chọn vai trò" },
  values: { username: "can.bo", note: "Dòng một", role: "EDITOR" },
};

const selectedOption = (html: string) => /<option value="(\w+)" selected=""/.exec(html)?.[1];

describe("form fields", () => {
  it("start from the initial values when nothing was refused", () => {
    const html = render({ status: "idle" });
    expect(html).toContain('value="ban.dau"');
    expect(selectedOption(html)).toBe("VIEWER");
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked=""/);
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("show what was sent after a refusal: text, select and an unchecked checkbox (absent from the form data)", () => {
    const html = render(refused);
    expect(html).toContain('value="can.bo"');
    expect(html).toContain(">Dòng một</textarea>");
    expect(selectedOption(html)).toBe("EDITOR");
    expect(html).not.toMatch(/<input[^>]*type="checkbox"[^>]*checked=""/);
  });

  it("tie each control to its label, hint and message", () => {
    const html = render(refused);
    const input = /<input([^>]*name="username"[^>]*)>/.exec(html)![1]!;
    const id = /id="([^"]+)"/.exec(input)![1]!;
    expect(html).toContain(`<label for="${id}"`);
    expect(input).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)![1]!.split(" ");
    expect(describedBy).toHaveLength(2);
    const [hint, error] = describedBy;
    expect(html).toContain(`id="${hint}" class="mt-0.5 block text-xs text-stone-600">Chữ không dấu`);
    expect(html).toMatch(new RegExp(`id="${error}"[^>]*>Tên đăng nhập đã có`));
    const select = /<select([^>]*)>/.exec(html)![1]!;
    expect(select).toContain('aria-invalid="true"');
    expect(html).toContain("Hãy chọn vai trò");
  });

  it("after a success start again from the initial values", () => {
    expect(selectedOption(render({ status: "ok" }))).toBe("VIEWER");
  });
});
