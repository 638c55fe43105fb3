import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {tokenFileWarning, tokenFileWarningOnDisk} from './token-file-permissions.js'

describe('tokenFileWarning', () => {
  it('warns about a world-readable token file, naming the fix', () => {
    expect(tokenFileWarning('/ci/token', 0o100644, 'linux')).toBe(
      'warning: --token-file /ci/token is readable by every user of this machine (mode 644); run chmod 600 /ci/token',
    )
    expect(tokenFileWarning('/ci/token', 0o100600, 'linux')).toBeNull()
    expect(tokenFileWarning('/ci/token', 0o100640, 'linux')).toBeNull()
    expect(tokenFileWarning('C:\\token', 0o100666, 'win32')).toBeNull()
  })

  it('reads the mode from disk (POSIX)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oncall-token-')), 'token')
    writeFileSync(file, 'x')
    chmodSync(file, 0o644)
    expect(tokenFileWarningOnDisk(file)).toContain('mode 644')
    chmodSync(file, 0o600)
    expect(tokenFileWarningOnDisk(file)).toBeNull()
    expect(tokenFileWarningOnDisk(join(file, 'missing'))).toBeNull()
  })
})
