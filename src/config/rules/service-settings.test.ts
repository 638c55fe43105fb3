import {describe, expect, it} from 'vitest'
import {baseConfig, runRule} from '../../../test/validate/rule-kit.js'
import {serviceSettings} from './service-settings.js'

describe('serviceSettings', () => {
  it('accepts a service whose team is its policy team', () => {
    expect(runRule(serviceSettings, baseConfig())).toEqual([])
  })
  it('reports a team that differs from the policy team', () => {
    const c = baseConfig()
    c.teams.web = {}
    c.services.api!.team = 'web'
    const [d] = runRule(serviceSettings, c)
    expect(d).toMatchObject({code: 'team-mismatch', path: 'services.api.team', hint: 'use `team: app` or remove it'})
  })
  it('reports support hours that end before they start', () => {
    const c = baseConfig()
    c.services.api!.urgency = {support_hours: {time_zone: 'Asia/Tokyo', days: ['mon'], from: '18:00', to: '09:00'}}
    const [d] = runRule(serviceSettings, c)
    expect(d).toMatchObject({code: 'invalid-support-hours', path: 'services.api.urgency.support_hours.to'})
  })
  it('reports two scheduled actions at the same support-hours boundary', () => {
    const c = baseConfig()
    const support_hours = {time_zone: 'Asia/Tokyo', days: ['mon'], from: '09:00', to: '18:00'}
    c.services.api!.urgency = {support_hours, scheduled_actions: [{at: 'support_hours_start', to: 'high'}, {at: 'support_hours_end', to: 'high'}]}
    expect(runRule(serviceSettings, c)).toEqual([])
    c.services.api!.urgency = {support_hours, scheduled_actions: [{at: 'support_hours_start', to: 'high'}, {at: 'support_hours_start', to: 'high'}]}
    const [d] = runRule(serviceSettings, c)
    expect(d).toMatchObject({code: 'duplicate-scheduled-action', path: 'services.api.urgency.scheduled_actions[1].at'})
  })
  it('reports a scheduled action that lowers urgency (PagerDuty only accepts to_urgency high)', () => {
    const c = baseConfig()
    const support_hours = {time_zone: 'Asia/Tokyo', days: ['mon'], from: '09:00', to: '18:00'}
    c.services.api!.urgency = {support_hours, scheduled_actions: [{at: 'support_hours_end', to: 'low'}]}
    const [d] = runRule(serviceSettings, c)
    expect(d).toMatchObject({code: 'scheduled-action-urgency', path: 'services.api.urgency.scheduled_actions[0].to'})
  })
})
