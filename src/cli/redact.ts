/**
 * Secrets must never reach output, logs or files. Every string the CLI prints passes through
 * `redact`, which replaces any registered secret (the API token) and any `Token token=...` header value.
 */
const secrets = new Set<string>()

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret)
}

export function redact(text: string): string {
  let out = text.replace(/Token token=[^\s"',}]+/g, 'Token token=[REDACTED]')
  for (const s of secrets) out = out.split(s).join('[REDACTED]')
  return out
}
