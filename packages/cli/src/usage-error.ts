/** A mistake in how the CLI was called (exit 2); its own module so the program loads it without a command. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
