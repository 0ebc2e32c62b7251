/** The message of anything thrown, for logs and for replies that cross a thread. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
