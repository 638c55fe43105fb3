import type {Plan} from '../plan.js'
import type {SafetyViolation} from '../safety.js'
import {renderJson} from './json.js'
import {renderMarkdown} from './markdown.js'
import {renderText} from './text.js'

export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const
export type PlanFormat = (typeof PLAN_FORMATS)[number]

export interface RenderPlanOptions {
  readonly format: PlanFormat
  /** Only the text format uses colour. */
  readonly color: boolean
  readonly violations?: readonly SafetyViolation[]
}

/** `plan --format <format>`: one entry point so the command does not switch on formats itself. */
export function renderPlan(plan: Plan, options: RenderPlanOptions): string {
  switch (options.format) {
    case 'text':
      return renderText(plan, {color: options.color, violations: options.violations})
    case 'markdown':
      return renderMarkdown(plan, {violations: options.violations})
    case 'json':
      return renderJson(plan, options.violations)
  }
}
