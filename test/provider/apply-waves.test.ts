/**
 * Parallel apply (issue 14): changes of one dependency rank run concurrently, waves run one after
 * the other, and progress and the report keep plan order whatever order the requests finish in.
 */
import {describe, expect, it} from 'vitest'
import type {Change} from '../../src/plan/change.js'
import {APPLY_CONCURRENCY, applyChanges, type ApplyClient, type ApplyEvent} from '../../src/providers/pagerduty/apply.js'
import {IdIndex} from '../../src/providers/pagerduty/id-index.js'
import {aLiveState, aTeam, aService} from '../builders.js'

const NOW = new Date('2026-03-02T03:00:00Z')

/** Deletes that finish in reverse order of their start, with a log of what was in flight. */
function slowClient(fail: ReadonlySet<string> = new Set()) {
  let inFlight = 0
  const log: string[] = []
  const waiting: (() => void)[] = []
  let maxInFlight = 0
  const client: ApplyClient = {
    get: () => Promise.reject(new Error('unused')),
    listAll: () => Promise.reject(new Error('unused')),
    post: () => Promise.reject(new Error('unused')),
    put: () => Promise.reject(new Error('unused')),
    delete: (path) =>
      new Promise<void>((resolve, reject) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        log.push(`start ${path}`)
        const finish = () => {
          inFlight--
          log.push(`end ${path}`)
          if (fail.has(path)) reject(new Error(`HTTP 400 on ${path}`))
          else resolve()
        }
        waiting.push(finish)
        // Release the newest first once a whole batch is waiting (or nothing else can start).
        setTimeout(() => {
          while (waiting.length > 0) (waiting.pop() as () => void)()
        }, 5)
      }),
  }
  return {client, log, maxInFlight: () => maxInFlight}
}

const del = (type: 'service' | 'team', key: string): Change =>
  ({kind: 'delete', type, key, id: `ID-${key}`, before: type === 'team' ? aTeam({key}) : aService({key})}) as Change

describe('applyChanges in dependency waves', () => {
  it('runs a wave concurrently, the next wave only after it, and reports in plan order', async () => {
    const changes = [...['s1', 's2', 's3', 's4', 's5'].map((k) => del('service', k)), del('team', 't1'), del('team', 't2')]
    const {client, log, maxInFlight} = slowClient()
    const events: ApplyEvent[] = []
    const report = await applyChanges(client, changes, IdIndex.fromLive(aLiveState(), 'me', new Map()), {owner: 'me', now: NOW, onProgress: (e) => events.push(e)})
    expect(report.failed).toBeNull()
    expect(report.applied.map((a) => a.change.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 't1', 't2'])
    expect(maxInFlight()).toBe(APPLY_CONCURRENCY)
    // Requests of the first batch ended out of order...
    expect(log.slice(0, 8)).toEqual([
      'start /services/ID-s1', 'start /services/ID-s2', 'start /services/ID-s3', 'start /services/ID-s4',
      'end /services/ID-s4', 'end /services/ID-s3', 'end /services/ID-s2', 'end /services/ID-s1',
    ])
    // ...no team was deleted before every service was,
    expect(log.findIndex((l) => l.includes('/teams/'))).toBeGreaterThan(log.lastIndexOf('end /services/ID-s5'))
    // ...and outcomes are reported in plan order.
    expect(events.filter((e) => e.kind === 'done').map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(events.filter((e) => e.kind === 'start').map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('stops at a failure: nothing new starts, running changes land and are reported, later waves are not attempted', async () => {
    const changes = [...['s1', 's2', 's3', 's4', 's5'].map((k) => del('service', k)), del('team', 't1')]
    const {client} = slowClient(new Set(['/services/ID-s2', '/services/ID-s3']))
    const events: ApplyEvent[] = []
    const report = await applyChanges(client, changes, IdIndex.fromLive(aLiveState(), 'me', new Map()), {owner: 'me', now: NOW, onProgress: (e) => events.push(e)})
    // s4 finished first and s5 may have started before the failures were known: it runs to the end.
    expect(report.applied.map((a) => a.change.key)).toEqual(['s1', 's4', 's5'])
    expect(report.failed?.change.key).toBe('s2') // the first failure in plan order
    expect(report.alsoFailed?.map((f) => f.change.key)).toEqual(['s3'])
    expect(report.notAttempted.map((c) => c.key)).toEqual(['t1']) // the next wave never starts
    const outcomes = events.filter((e) => e.kind !== 'start')
    expect(outcomes.map((e) => `${e.kind} ${e.change.key}`)).toEqual(['done s1', 'failed s2', 'failed s3', 'done s4', 'done s5'])
  })
})
