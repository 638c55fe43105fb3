import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {planSchemaErrors} from '../../src/plan/plan-schema.js'
import {renderJson} from '../../src/plan/render/json.js'
import {renderMarkdown} from '../../src/plan/render/markdown.js'
import {renderText} from '../../src/plan/render/text.js'
import {Account, copyConfig, editYaml, loadDesired} from '../integration/harness.js'
import {CONCURRENT} from './fixture.js'

// Mon 2026-03-02 08:30 Berlin: Anna (primary) and Dora (secondary) are on call.
const NOW = new Date('2026-03-02T07:30:00Z')
const SEED = {users: ['Anna', 'Ben', 'Carl', 'Dora', 'Emil', 'Lead'].map((name) => ({name, email: `${name.toLowerCase()}@example.com`, time_zone: 'Europe/Berlin', role: 'user'}))}

let account: Account | undefined
afterEach(async () => {
  await account?.stop()
  account = undefined
})

describe('plan shift previews of shift-based schedules (through the plan)', {timeout: 180_000}, () => {
  it('a member swap in one of two concurrent rotations: the preview names everyone on call now and who gains and loses from the handoff', async () => {
    account = await Account.start(SEED, 'anna@example.com', {}, NOW)
    const first = await account.apply(await loadDesired(CONCURRENT, NOW))
    expect(first.report.failed).toBeNull()
    const dir = copyConfig(CONCURRENT)
    editYaml(join(dir, 'oncall.yaml'), (doc) => {
      doc.setIn(['schedules', 'ops-shifts', 'rotations', 1, 'events', 0, 'members'], doc.createNode(['emil@example.com', 'dora@example.com']))
    })
    const {plan} = await account.plan(await loadDesired(dir, NOW))
    const preview = plan.shiftPreviews?.find((p) => p.schedule === 'ops-shifts')
    // The change rolls out at the secondary's next handoff (Tuesday 08:00): Dora keeps today.
    expect(preview?.onCallNow).toEqual({before: ['anna@example.com', 'dora@example.com'], after: ['anna@example.com', 'dora@example.com']})
    // Anna's concurrent primary rotation is untouched; Dora and Emil trade days from Tuesday.
    expect(preview?.people.map((p) => p.user)).toEqual(['dora@example.com', 'emil@example.com'])
    const [dora, emil] = preview!.people
    expect(dora!.gained[0]).toEqual({start: '2026-03-03T07:00:00.000Z', end: '2026-03-03T19:00:00.000Z'})
    expect(dora!.lost[0]).toEqual({start: '2026-03-04T07:00:00.000Z', end: '2026-03-04T19:00:00.000Z'})
    expect(emil!.gained).toEqual(dora!.lost)
    expect(emil!.lost).toEqual(dora!.gained)
    expect(renderText(plan, {color: false})).toContain('On call now: Anna, Dora (unchanged)')
    const markdown = renderMarkdown(plan)
    expect(markdown).toContain('On call now: Anna, Dora (unchanged)')
    // The pull-request comment's chart has a bar per shift of both concurrent rotations.
    expect(markdown).toContain(['  section before', '  Anna : 2026-03-02 08:30, 2026-03-02 20:00', '  Dora : 2026-03-02 08:30, 2026-03-02 20:00', '  Anna : 2026-03-03 08:00, 2026-03-03 20:00'].join('\n'))
    expect(markdown).toContain(['  Ben : 2026-03-05 14:00, 2026-03-05 16:00', '  Carl : 2026-03-05 14:00, 2026-03-05 16:00'].join('\n'))
    // Plan JSON: snake_case on_call_now, valid against schemas/plan.schema.json.
    const json = JSON.parse(renderJson(plan))
    expect(planSchemaErrors(json)).toEqual([])
    expect(JSON.stringify(json)).toContain('"on_call_now":{"after":["anna@example.com","dora@example.com"],"before":["anna@example.com","dora@example.com"]}')
  })
})
