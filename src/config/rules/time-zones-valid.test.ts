import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {timeZonesValid} from './time-zones-valid.js'

describe('timeZonesValid', () => {
  it('accepts canonical zones', () => {
    expect(runRule(timeZonesValid, baseConfig())).toEqual([])
  })
  it('reports an unknown zone with a suggestion', () => {
    const c = baseConfig()
    c.schedules.primary!.time_zone = 'Asia/Tokio'
    const [d] = runRule(timeZonesValid, c)
    expect(d).toMatchObject({severity: 'error', code: 'invalid-time-zone', path: 'schedules.primary.time_zone', hint: 'did you mean `Asia/Tokyo`?'})
  })
  it('warns about an alias and names the canonical zone', () => {
    const c = baseConfig()
    c.users![0]!.time_zone = 'Japan'
    c.services.api!.urgency = {support_hours: {time_zone: 'US/Eastern', days: ['mon'], from: '09:00', to: '17:00'}}
    const d = runRule(timeZonesValid, c)
    expect(d.map((x) => [x.severity, x.code, x.hint])).toEqual([
      ['warning', 'time-zone-alias', 'write `Asia/Tokyo`'],
      ['warning', 'time-zone-alias', 'write `America/New_York`'],
    ])
  })
})
