import {statSync} from 'node:fs'

/**
 * The warning for a --token-file that other users of the machine can read (mode o+r), or null.
 * Not an error: the token is the person's to guard, and CI secrets mounts are sometimes 0644; but
 * they should know. POSIX modes only (Windows has ACLs, not these bits).
 */
export function tokenFileWarning(path: string, mode: number, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32' || (mode & 0o004) === 0) return null
  return `warning: --token-file ${path} is readable by every user of this machine (mode ${(mode & 0o777).toString(8).padStart(3, '0')}); run chmod 600 ${path}`
}

/** tokenFileWarning for a file on disk; null when it cannot be read (resolveToken reports that). */
export function tokenFileWarningOnDisk(path: string): string | null {
  try {
    return tokenFileWarning(path, statSync(path).mode)
  } catch {
    return null
  }
}
