/** A mistake in what the user typed: exit 2 with this one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}
