import {describe, expect, it} from 'vitest'
import {aSchedule, aService} from '../../../test/builders.js'
import type {Change} from '../../plan/change.js'
import {changedFieldsOnly} from './partial-body.js'

const SERVICE_BODY = {
  type: 'service',
  name: 'API',
  description: 'd',
  escalation_policy: {id: 'PE1', type: 'escalation_policy_reference'},
  acknowledgement_timeout: 0,
  auto_resolve_timeout: 14400,
  incident_urgency_rule: {type: 'constant', urgency: 'high'},
  scheduled_actions: [],
  alert_grouping_parameters: {type: null},
}

function update(type: 'service' | 'schedule', paths: string[], kind: 'update' | 'adopt' = 'update'): Extract<Change, {kind: 'update' | 'adopt'}> {
  const value = type === 'service' ? aService() : aSchedule()
  return {kind, type, key: value.key, id: 'P1', before: value, after: value, fields: paths.map((path) => ({path, before: null, after: null}))}
}

describe('changedFieldsOnly (partial PUT bodies)', () => {
  it('names only the changed fields, with type, name and the marked description', () => {
    expect(changedFieldsOnly(update('service', ['acknowledgement_timeout']), SERVICE_BODY)).toEqual({
      type: 'service',
      name: 'API',
      description: 'd',
      acknowledgement_timeout: 0,
    })
  })

  it('an adoption without field changes writes only the marker', () => {
    expect(changedFieldsOnly(update('service', [], 'adopt'), SERVICE_BODY)).toEqual({type: 'service', name: 'API', description: 'd'})
  })

  it('an urgency change carries the rule, support hours and scheduled actions together', () => {
    expect(Object.keys(changedFieldsOnly(update('service', ['urgency']), SERVICE_BODY) as object).sort()).toEqual(
      ['description', 'incident_urgency_rule', 'name', 'scheduled_actions', 'type'],
    )
    expect(Object.keys(changedFieldsOnly(update('service', ['urgency.scheduled_actions']), SERVICE_BODY) as object)).toContain('scheduled_actions')
  })

  it('a schedule sends its layers only when a layer or the time zone changes', () => {
    const body = {type: 'schedule', name: 'S', description: 'd', time_zone: 'UTC', teams: [], schedule_layers: [{id: 'L1'}]}
    expect(changedFieldsOnly(update('schedule', ['description']), body)).toEqual({type: 'schedule', name: 'S', description: 'd'})
    expect(changedFieldsOnly(update('schedule', ['layers[0].users']), body)).toHaveProperty('schedule_layers')
    expect(changedFieldsOnly(update('schedule', ['time_zone']), body)).toMatchObject({time_zone: 'UTC', schedule_layers: [{id: 'L1'}]})
    expect(changedFieldsOnly(update('schedule', ['teams']), body)).not.toHaveProperty('schedule_layers')
  })

  it('a path it has no entry for sends the whole body (never silently not writing)', () => {
    expect(changedFieldsOnly(update('service', ['something_new']), SERVICE_BODY)).toBe(SERVICE_BODY)
  })
})
