import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'
import {hasErrors} from '../config/diagnostic.js'
import {checkSources, loadConfig} from '../config/load-config.js'
import {swapOverrides} from './swap-shifts.js'

const NOW = new Date('2026-03-02T03:00:00Z')
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'shift-based', 'oncall.yaml')

describe('swapOverrides on a shift-based schedule', () => {
  it('swaps within the rotation EMAIL belongs to, naming it and whom each override replaces; the result validates', async () => {
    const {state} = await loadConfig(EXAMPLE, {now: NOW})
    if (!state) throw new Error('example does not load')
    // Wed 2026-03-04 20:00 Berlin: Evenings (New York 14:00) is Maya's week; Omar takes it, Maya his next week.
    const [a, b] = swapOverrides(state, 'support-shifts', '2026-03-04T20:00', 'omar.haddad@example.com')
    expect(a).toMatchObject({user: 'omar.haddad@example.com', rotation: 'Evenings', replaces: 'maya.brooks@example.com'})
    expect(b).toMatchObject({user: 'maya.brooks@example.com', rotation: 'Evenings', replaces: 'omar.haddad@example.com'})
    const text = `${readFileSync(EXAMPLE, 'utf8')}\n${stringify({overrides: [a, b]})}`
    const checked = checkSources([{file: 'oncall.yaml', text}], {now: NOW})
    expect(hasErrors(checked.diagnostics)).toBe(false)
  })
})
