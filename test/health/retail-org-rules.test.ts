import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {REPO} from '../export/run-cli.js'

const CONFIG = join(REPO, 'examples', 'retail-org')

describe('examples/retail-org declares team rules and meets them', () => {
  // Shares over 8 weeks of 4-week rotations do not depend on the day; check a few, Golden Week included.
  for (const now of ['2026-01-05T00:00:00Z', '2026-04-27T00:00:00Z', '2026-08-10T12:00:00Z', '2026-12-21T00:00:00Z']) {
    it(`with no rule diagnostics from ${now}`, async () => {
      const r = await loadConfig(CONFIG, {now: new Date(now)})
      expect(r.state?.health?.configRules.max_consecutive_days).toEqual({value: 7, severity: 'error', origin: 'config'})
      expect(r.state?.health?.holidaysBySchedule.get('consumer-app-primary')).toEqual({country: 'JP'})
      expect(r.diagnostics.filter((d) => d.code.startsWith('rule-'))).toEqual([])
    })
  }
})
