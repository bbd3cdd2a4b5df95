import { inspect } from 'node:util';

/** A value as Python's repr() would print it: strings in single quotes, None for null. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value instanceof Error) return `${value.name}(${pyRepr(value.message)})`;
  if (typeof value === 'object' && typeof (value as { repr?: unknown }).repr === 'function') {
    return (value as { repr(): string }).repr();
  }
  return inspect(value, { breakLength: Infinity, depth: 2 });
}

/** A settled value as a panel shows it: strings bare, anything else as the console would print it. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return inspect(value, { breakLength: Infinity, depth: 1 });
}
