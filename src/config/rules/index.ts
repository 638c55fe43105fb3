import type {Rule} from './context.js'
import {coverageGaps} from './coverage-gaps.js'
import {escalationLimits} from './escalation-limits.js'
import {layerTiming} from './layer-timing.js'
import {layersNotEmpty} from './layers-not-empty.js'
import {overridesValid} from './overrides-valid.js'
import {referencesExist} from './references-exist.js'
import {restrictionWindows} from './restriction-windows.js'
import {rolloutAt} from './rollout-at.js'
import {serviceSettings} from './service-settings.js'
import {teamRules} from './team-rules.js'
import {shiftEvents} from './shift-events.js'
import {timeZonesValid} from './time-zones-valid.js'
import {turnLength} from './turn-length.js'
import {undeclaredEmails} from './undeclared-emails.js'
import {uniqueKeys} from './unique-keys.js'
import {uniqueNames} from './unique-names.js'
import {unusedResources} from './unused-resources.js'

export type {Problem, Rule, RuleContext} from './context.js'

/** Semantic rules in the order they run (diagnostics are sorted by position afterwards). Add one line per rule. */
export const RULES: readonly Rule[] = [
  uniqueKeys,
  uniqueNames,
  referencesExist,
  undeclaredEmails,
  timeZonesValid,
  layersNotEmpty,
  shiftEvents,
  turnLength,
  layerTiming,
  restrictionWindows,
  rolloutAt,
  escalationLimits,
  serviceSettings,
  unusedResources,
  coverageGaps,
  overridesValid,
  teamRules,
]
