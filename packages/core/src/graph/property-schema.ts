import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';
import {
  nameKinds,
  nameScripts,
  type PropertiesOf,
  type PropertySpec,
  type StringFormat,
} from './property-spec.ts';

/**
 * Today's date where the day has begun earliest (UTC+14), so a birth date of "today" typed in Seoul or
 * Phnom Penh is never mistaken for a future one.
 */
export function latestTodayIso(now: number = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

const formats: Record<StringFormat, z.ZodType<string>> = {
  uuid: z.uuid(),
  country: z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code, e.g. KR or KH'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code, e.g. KRW, USD or KHR'),
};

function stringSchema(spec: PropertySpec): z.ZodType<string> {
  if (spec.format) return formats[spec.format];
  return plainText()
    .min(1, 'Leave it out rather than empty')
    .max(spec.maxLength ?? 1_000);
}

const PersonNameSchema = z.strictObject({
  value: plainText().min(1).max(300),
  script: z.enum(nameScripts),
  kind: z.enum(nameKinds),
});

const GeoPointSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** The zod validator of one property value, built from its spec. */
export function propertyValueSchema(spec: PropertySpec): z.ZodType {
  switch (spec.type) {
    case 'string':
      return stringSchema(spec);
    case 'date': {
      const date = z.iso.date({ error: 'Use a date like 1998-04-21' });
      if (!spec.notInFuture) return date;
      return date.refine((value) => value <= latestTodayIso(), {
        message: 'This date cannot be in the future',
      });
    }
    case 'datetime':
      return z.iso.datetime({ offset: true, error: 'Use a date and time with its UTC offset' });
    case 'enum':
      return z.enum(spec.values as [string, ...string[]]);
    case 'number': {
      let number = z.number();
      if (spec.min !== undefined) number = number.min(spec.min);
      if (spec.max !== undefined) number = number.max(spec.max);
      return number;
    }
    case 'string[]':
      return z.array(stringSchema(spec)).max(spec.maxItems ?? 100);
    case 'geo':
      return GeoPointSchema;
    case 'names':
      return z
        .array(PersonNameSchema)
        .min(1, 'Give at least one name')
        .max(spec.maxItems ?? 30)
        .refine((names) => names.filter((name) => name.kind === 'primary').length <= 1, {
          message: 'Mark at most one name as primary',
        });
  }
}

/** A strict object validator for a list of property specs: unknown properties are rejected. */
export function propertiesSchema<const Ps extends readonly PropertySpec[]>(
  specs: Ps,
): z.ZodType<PropertiesOf<Ps>, PropertiesOf<Ps>> {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) {
    const value = propertyValueSchema(spec);
    shape[spec.name] = spec.required ? value : value.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<PropertiesOf<Ps>, PropertiesOf<Ps>>;
}
