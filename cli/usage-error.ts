/** A mistake in the command line or in a file it names: reported with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
