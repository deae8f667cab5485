/**
 * The `@Transform` functions the DTOs share: what a client sends is `unknown` until
 * class-validator has checked it, so each passes anything it does not recognise through
 * unchanged for the validator to refuse.
 */
type Sent = { value: unknown };

/** Text without surrounding spaces ("  Ana " is "Ana"); anything else unchanged. */
export const trim = ({ value }: Sent): unknown => (typeof value === 'string' ? value.trim() : value);

/** A query's "true"/"false" as booleans; anything else stays text and fails IsBoolean. */
export const toBoolean = ({ value }: Sent): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Plain decimal digits become a number; anything else ("0x10", "1e2") stays text and fails IsInt. */
export const digitsToNumber = ({ value }: Sent): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
