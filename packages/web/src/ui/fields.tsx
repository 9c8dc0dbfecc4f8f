import { type Language, languages } from '@liaison/core';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { ApiError } from '../app/problem.ts';
import { enumLabel } from './enum-labels.ts';
import { Field } from './Field.tsx';

/** The server's message for one field, matched on its JSON path (`/markings/purpose`, `/roles/0` → `/roles`). */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(path) : undefined;
}

/** What every labelled control has around it: the label, a hint and an error (see `Field`). */
interface FieldFrame {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Marks the label "required"; the control itself stays free of browser validation. */
  required?: boolean | undefined;
}

type Controlled<T> = { name: string; value: T; onValueChange(value: T): void };
type Native<A> = Omit<A, 'id' | 'name' | 'value' | 'onChange' | 'required' | 'children'>;

/** Splits a control's props into what its `Field` shows around it and what the control itself takes. */
function frameOf<P extends FieldFrame>({ label, hint, error, required, ...control }: P) {
  return [{ label, hint, error, required }, control] as const;
}

/** A labelled one-line input (text, date, email, password …) that reports its new value. */
export function TextField(
  props: FieldFrame & Controlled<string> & Native<InputHTMLAttributes<HTMLInputElement>>,
) {
  const [frame, { value, onValueChange, ...input }] = frameOf(props);
  return (
    <Field {...frame}>
      {(control) => (
        <input {...control} {...input} value={value} onChange={(e) => onValueChange(e.target.value)} />
      )}
    </Field>
  );
}

/** A labelled multi-line text, e.g. a message or a note in the language given by `lang`. */
export function TextAreaField(
  props: FieldFrame & Controlled<string> & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  const [frame, { value, onValueChange, ...textarea }] = frameOf(props);
  return (
    <Field {...frame}>
      {(control) => (
        <textarea {...control} {...textarea} value={value} onChange={(e) => onValueChange(e.target.value)} />
      )}
    </Field>
  );
}

interface SelectFieldProps<T extends string> extends FieldFrame, Controlled<T> {
  /** The choices, each shown as `optionLabel(choice)` (the choice itself by default). */
  options?: readonly T[] | undefined;
  optionLabel?: ((option: T) => ReactNode) | undefined;
  /** Options of another shape (a "choose one" placeholder, records), shown before `options`. */
  children?: ReactNode;
}

/** A labelled drop-down over a fixed list of choices. */
export function SelectField<T extends string>(
  props: SelectFieldProps<T> & Native<SelectHTMLAttributes<HTMLSelectElement>>,
) {
  const [frame, { value, onValueChange, options = [], optionLabel = (o: T) => o, children, ...select }] =
    frameOf(props);
  return (
    <Field {...frame}>
      {(control) => (
        <select {...control} {...select} value={value} onChange={(e) => onValueChange(e.target.value as T)}>
          {children}
          {options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The language a text is written in; the controls holding that text carry it as their `lang`. */
export function LanguageField({
  label,
  value,
  onValueChange,
  optionLabel,
}: {
  label: string;
  value: Language;
  onValueChange(language: Language): void;
  /** How a language is named in the list (by default in itself: English, 한국어, ខ្មែរ; never its code). */
  optionLabel?: (language: Language) => string;
}) {
  return (
    <SelectField
      label={label}
      name="language"
      value={value}
      options={languages}
      optionLabel={optionLabel ?? ((language) => enumLabel('language', language))}
      onValueChange={onValueChange}
    />
  );
}

/** A checkbox with its words beside it, inside a `Fieldset` or on its own line. */
export function Checkbox({
  name,
  checked,
  onCheckedChange,
  children,
}: {
  name: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  children: ReactNode;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onCheckedChange(e.target.checked)}
      />
      {children}
    </label>
  );
}
