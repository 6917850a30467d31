"use client";

import { createContext, use, useId, type ComponentProps, type ReactNode } from "react";
import { FieldMessage } from "./field-message";
import { inputStyle } from "./input-style";

// Form fields that tie a label, a control, a hint and a message together (aria-describedby), and
// keep what the user sent after a refusal.
//
// Why the last part is here: after a form action, React resets the form's uncontrolled controls to
// their defaults. A text box's default follows its defaultValue prop, so giving it the sent value is
// enough; a <select> keeps the default it was mounted with (React ignores later defaultValue
// changes), so a refused form showed the first unit, role or direction again while the text boxes
// kept theirs. These fields read the sent values from the action's state (ActionState.values, through
// <ActionForm>) and remount a select, or a checkbox, whenever its default changes, so the reset lands
// on what was sent, and after a success on what was saved.

/** What an action answered, as far as its fields need to know (src/server/actions.ts ActionState). */
export type SubmittedState =
  | { status: "idle" }
  | { status: "ok" }
  | { status: "error"; fieldErrors: Record<string, string>; values: Record<string, string> };

type FormState = {
  /** The values sent with the refused submission; null when nothing was refused. */
  sent: Record<string, string> | null;
  errors: Record<string, string>;
};

const FormStateContext = createContext<FormState>({ sent: null, errors: {} });

export function formStateOf(state: SubmittedState): FormState {
  return state.status === "error" ? { sent: state.values, errors: state.fieldErrors } : { sent: null, errors: {} };
}

/** A <form> whose fields show what was sent and why it was refused, after an error of `state`. */
export function ActionForm({ state, children, ...form }: { state: SubmittedState } & ComponentProps<"form">) {
  return (
    <FormStateContext value={formStateOf(state)}>
      <form {...form}>{children}</form>
    </FormStateContext>
  );
}

/** The value a field starts from: what was sent if the form was refused, else `initial`. */
export function fieldDefault(form: FormState, name: string, initial: string): string {
  return form.sent?.[name] ?? initial;
}

/** Whether a checkbox starts checked: as sent if the form was refused (absent means unchecked), else `initial`. */
export function checkboxDefault(form: FormState, name: string, value: string, initial: boolean): boolean {
  return form.sent ? form.sent[name] === value : initial;
}

export type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** The ids that tie a control to its label, hint and message. */
export function useControlIds(hint: boolean, error: boolean) {
  const id = useId();
  const hintId = hint ? `${id}-goi-y` : undefined;
  const errorId = error ? `${id}-loi` : undefined;
  const control: ControlProps = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
  return { control, hintId, errorId };
}

/**
 * A label, the control it names (rendered by `children` with the ids it needs), a hint and the
 * message of a refusal, as epic-stack's forms do. For controls of its own (a target read back as it is
 * typed, an agency picker); the fields below are built on it.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const { control, hintId, errorId } = useControlIds(Boolean(hint), Boolean(error));
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={control.id} className="block font-semibold">
        {label}
      </label>
      {children(control)}
      {hint ? (
        <span id={hintId} className="mt-0.5 block text-xs text-stone-600">
          {hint}
        </span>
      ) : null}
      <FieldMessage id={errorId} message={error} />
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The value before anything was sent (the saved one, or a suggestion). */
  initial?: string;
  /** A message of the component's own; by default the action's message for `name`. */
  error?: string;
  className?: string;
};

export function TextField({
  name,
  label,
  hint,
  initial = "",
  error,
  className,
  ...input
}: FieldProps & Omit<ComponentProps<"input">, "name" | "id" | "defaultValue" | "className">) {
  const form = use(FormStateContext);
  const message = error ?? form.errors[name];
  return (
    <Field label={label} hint={hint} error={message} className={className}>
      {(control) => (
        <input
          {...input}
          {...control}
          name={name}
          defaultValue={fieldDefault(form, name, initial)}
          className={inputStyle.field}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  initial = "",
  error,
  className,
  ...textarea
}: FieldProps & Omit<ComponentProps<"textarea">, "name" | "id" | "defaultValue" | "className">) {
  const form = use(FormStateContext);
  const message = error ?? form.errors[name];
  return (
    <Field label={label} hint={hint} error={message} className={className}>
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          name={name}
          defaultValue={fieldDefault(form, name, initial)}
          className={inputStyle.field}
        />
      )}
    </Field>
  );
}

type Option = { value: string; label: string };
type Look = keyof typeof inputStyle;

/**
 * A select that shows, after a refusal, the option that was sent (React alone would show the
 * default it was first mounted with). Without a label of its own: inside a <label>, or given
 * aria-label, or through SelectField.
 */
export function Select({
  name,
  initial = "",
  options,
  look = "inline",
  className,
  ...select
}: {
  name: string;
  initial?: string;
  options: readonly Option[];
  look?: Look;
} & Omit<ComponentProps<"select">, "name" | "defaultValue" | "value" | "children">) {
  const form = use(FormStateContext);
  const value = fieldDefault(form, name, initial);
  return (
    // Remounted when its default changes, so that React's reset of the form lands on it.
    <select
      aria-invalid={form.errors[name] ? true : undefined}
      {...select}
      key={value}
      name={name}
      defaultValue={value}
      className={`${inputStyle[look]} ${className ?? ""}`}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A text box that shows, after a refusal, what was sent. Without a label of its own, like Select. */
export function Input({
  name,
  initial = "",
  look = "inline",
  className,
  ...input
}: { name: string; initial?: string; look?: Look } & Omit<ComponentProps<"input">, "name" | "defaultValue" | "value">) {
  const form = use(FormStateContext);
  return (
    <input
      aria-invalid={form.errors[name] ? true : undefined}
      {...input}
      name={name}
      defaultValue={fieldDefault(form, name, initial)}
      className={`${inputStyle[look]} ${className ?? ""}`}
    />
  );
}

export function SelectField({
  name,
  label,
  hint,
  initial = "",
  error,
  className,
  options,
  ...select
}: FieldProps & {
  options: readonly Option[];
} & Omit<ComponentProps<"select">, "name" | "id" | "defaultValue" | "value" | "className" | "children">) {
  const form = use(FormStateContext);
  const message = error ?? form.errors[name];
  return (
    <Field label={label} hint={hint} error={message} className={className}>
      {(control) => <Select {...select} {...control} name={name} initial={initial} options={options} look="field" />}
    </Field>
  );
}

/** A checkbox with its label beside it; unchecked when a refused form did not send it. */
export function CheckboxField({
  name,
  label,
  hint,
  value = "on",
  initial = false,
  error,
  className,
  ...input
}: Omit<FieldProps, "initial"> & { value?: string; initial?: boolean } & Omit<
    ComponentProps<"input">,
    "name" | "id" | "type" | "value" | "defaultChecked" | "checked" | "className"
  >) {
  const form = use(FormStateContext);
  const message = error ?? form.errors[name];
  const checked = checkboxDefault(form, name, value, initial);
  const { control, hintId, errorId } = useControlIds(Boolean(hint), Boolean(message));
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <span className="flex items-center gap-2">
        <input
          {...input}
          {...control}
          key={String(checked)}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={checked}
        />
        <label htmlFor={control.id}>{label}</label>
      </span>
      {hint ? (
        <span id={hintId} className="mt-0.5 block text-xs text-stone-600">
          {hint}
        </span>
      ) : null}
      <FieldMessage id={errorId} message={message} />
    </div>
  );
}

/** For a control of a component's own inside an ActionForm: what to start from and the message. */
export function useFormField(name: string, initial = "") {
  const form = use(FormStateContext);
  return { value: fieldDefault(form, name, initial), error: form.errors[name] as string | undefined };
}
