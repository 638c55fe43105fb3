/**
 * A failed request after which a POST may still have been applied (a timeout, a lost connection,
 * a 5xx): overrides carry no marker, so their apply reads the account before sending again.
 */
export function isAmbiguous(error: unknown): boolean {
  const status = (error as {status?: unknown})?.status
  return typeof status !== 'number' || status >= 500 || status === 408
}
