const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The customer an error message points to: "The phone +1… belongs to customer <uuid>." (identity_taken) or
 * "Customer <a> was merged into customer <b>." (merged). That is the last UUID in the text; null if none.
 */
export function extractCustomerId(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    const found = text?.match(UUID);
    if (found?.length) return found[found.length - 1].toLowerCase();
  }
  return null;
}
