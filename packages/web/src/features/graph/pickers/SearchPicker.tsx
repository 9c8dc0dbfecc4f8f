import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field.tsx';

/** One thing a picker offers: what it is called, with a line that tells namesakes apart. */
export interface PickerOption {
  id: string;
  label: string;
  detail?: string | undefined;
}

interface SearchPickerProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** The field's name, also the prefix of its test ids (`<name>-search`, `<name>-options`, `<name>-chosen`). */
  name: string;
  value: PickerOption | null;
  onChange(value: PickerOption | null): void;
  /** Finds the options for what was typed (at least two characters). */
  search(text: string): Promise<PickerOption[]>;
}

const minimumLength = 2;
const pause = 250;

/**
 * Choosing a record by typing part of its name or identifier, never by pasting its id: the matches are listed
 * under the box (arrow keys or a click choose one), and the choice shows as its name with a way to change it.
 */
export function SearchPicker({
  label,
  hint,
  error,
  required,
  name,
  value,
  onChange,
  search,
}: SearchPickerProps) {
  const { t } = useTranslation('graph');
  const listId = useId();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PickerOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);
  const wanted = text.trim();

  useEffect(() => {
    if (value || wanted.length < minimumLength) {
      setOptions(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      search(wanted).then(
        (found) => {
          if (!current) return;
          setFailed(false);
          setOptions(found);
          setActive(0);
        },
        () => current && setFailed(true),
      );
    }, pause);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted, value, search]);

  const choose = (option: PickerOption) => {
    onChange(option);
    setText('');
    setOptions(null);
  };

  if (value)
    return (
      <Field label={label} hint={hint} error={error} required={required}>
        {(control) => (
          <div className="picker-chosen" data-testid={`${name}-chosen`} data-id={value.id}>
            <output id={control.id} aria-describedby={control['aria-describedby']}>
              <strong>{value.label}</strong>
              {value.detail && <span className="muted"> · {value.detail}</span>}
            </output>{' '}
            <button type="button" className="link-button" onClick={() => onChange(null)}>
              {t('picker.change')}
            </button>
          </div>
        )}
      </Field>
    );

  const open = options !== null;
  return (
    <Field label={label} hint={hint ?? t('picker.hint')} error={error} required={required}>
      {(control) => (
        <div className="picker">
          <input
            {...control}
            type="search"
            name={name}
            role="combobox"
            autoComplete="off"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options.length ? `${listId}-${active}` : undefined}
            data-testid={`${name}-search`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (!options?.length) return;
              if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, options.length - 1));
              else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
              else if (e.key === 'Enter') choose(options[active]!);
              else return;
              e.preventDefault();
            }}
          />
          {failed && <p className="field-error">{t('picker.failed')}</p>}
          {open && (
            <div className="picker-options" id={listId} role="listbox" data-testid={`${name}-options`}>
              {options.length === 0 && <p className="muted">{t('picker.none')}</p>}
              {options.map((option, index) => (
                <div
                  key={option.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  tabIndex={-1}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                  onKeyDown={(e) => e.key === 'Enter' && choose(option)}
                >
                  <strong>{option.label}</strong>
                  {option.detail && <span className="muted"> · {option.detail}</span>}
                </div>
              ))}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
