// Entry point of the command line. Each command lives in its own module; errors the user can fix are
// printed as one clear line with a non-zero exit, never a stack trace.

export class UsageError extends Error {}

const USAGE = `Usage:
  provenance-lens scan [--json] [--lang fr|en] FILE...   find who speaks in .txt or .html files
  provenance-lens source [--json] URL_OR_DOMAIN...       what the knowledge base knows of an outlet's address`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await (await import('./scan')).scanCommand(rest);
      case 'source':
        return await (await import('./source')).sourceCommand(rest);
      case undefined:
      case '-h':
      case '--help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`provenance-lens: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserFacingError) {
      console.error(`provenance-lens: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** An error whose message is meant for the user as it is (missing file, bad encoding, empty text). */
export class UserFacingError extends Error {}
