import {describe, expect, it} from 'vitest'
import {aSmallPlan} from '../../../test/builders.js'
import {renderJson} from './json.js'
import {renderMarkdown} from './markdown.js'
import {PLAN_FORMATS, renderPlan} from './render-plan.js'
import {renderText} from './text.js'

describe('renderPlan', () => {
  it('dispatches each format to its renderer', () => {
    const {plan} = aSmallPlan()
    const violations = [{code: 'X', message: 'refused', requires: 'fix' as const}]
    expect(PLAN_FORMATS).toEqual(['text', 'markdown', 'json'])
    expect(renderPlan(plan, {format: 'text', color: true, violations})).toBe(renderText(plan, {color: true, violations}))
    expect(renderPlan(plan, {format: 'markdown', color: true, violations})).toBe(renderMarkdown(plan, {violations}))
    expect(renderPlan(plan, {format: 'json', color: true, violations})).toBe(renderJson(plan, violations))
  })
})
