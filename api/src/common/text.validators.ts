import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Text length in Unicode code points, the way PostgreSQL's char_length() counts it (the
 * database's CHECK constraints use that). class-validator's Length does not count variation
 * selectors, so a text it accepts could still break a constraint. NUL, which PostgreSQL
 * text cannot hold, is refused here too.
 */
export function TextLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'textLength',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      // Read by the OpenAPI document (common/openapi/contract.ts) as minLength and maxLength.
      constraints: [min, max],
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value.includes('\u0000')) return false;
          const length = [...value].length;
          return length >= min && length <= max;
        },
        defaultMessage: (args) =>
          typeof args?.value === 'string' && args.value.includes('\u0000')
            ? `${args.property} must not contain NUL characters`
            : `${args?.property} must be between ${min} and ${max} characters long`,
      },
    });
}

/**
 * Characters that show nothing by themselves: controls, format characters (zero-width
 * spaces and joiners, bidi marks and overrides), separators and other spaces, characters
 * ignorable by default (fillers, variation selectors) and marks with no letter to sit on.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s\p{Default_Ignorable_Code_Point}\p{M}]/gu;

/** Whether a text has at least one character a reader can see. */
export function hasVisibleText(value: unknown): boolean {
  return typeof value === 'string' && value.replace(INVISIBLE, '').length > 0;
}

/** A text that shows something: one made only of invisible characters is refused. */
export function VisibleText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'visibleText',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: hasVisibleText,
        defaultMessage: (args) =>
          `${args?.property} must contain visible characters, not only spaces, control, zero-width or direction marks`,
      },
    });
}

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A real date (YYYY-MM-DD) or ISO date-time: "2026-02-30" or an offset of +99:99 is refused. */
export function isRealDateOrDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const date = DATE.exec(value);
  if (date) {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }
  const dateTime = DATE_TIME.exec(value);
  if (!dateTime) return false;
  if (dateTime[4] !== undefined && (Number(dateTime[4]) > 14 || Number(dateTime[5]) > 59)) return false;
  const day = value.slice(0, 10);
  const parsedDay = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsedDay.getTime()) || parsedDay.toISOString().slice(0, 10) !== day) return false;
  const [hours, minutes, seconds = '0'] = value.slice(11, 19).split(':');
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds.slice(0, 2)) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}

export function IsDateOrDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOrDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: isRealDateOrDateTime,
        defaultMessage: (args) => `${args?.property} must be a real date (YYYY-MM-DD) or an ISO date-time`,
      },
    });
}
