import type {Route} from '../router.js'
import {abilityRoutes} from './abilities.js'
import {policyRoutes} from './escalation-policies.js'
import {oncallRoutes} from './oncalls.js'
import {overrideRoutes} from './schedule-overrides.js'
import {scheduleRoutes} from './schedules.js'
import {serviceRoutes} from './services.js'
import {teamRoutes} from './teams.js'
import {userRoutes} from './users.js'
import {v3RotationRoutes} from './v3-rotations.js'
import {v3ScheduleRoutes} from './v3-schedules.js'
import {v3ShiftRoutes} from './v3-shifts.js'

/** Every PagerDuty operation the sandbox serves (the same list as spec/subset-core.mjs OPERATIONS). */
export const PD_ROUTES: readonly Route[] = [...abilityRoutes, ...userRoutes, ...teamRoutes, ...scheduleRoutes, ...overrideRoutes, ...policyRoutes, ...serviceRoutes, ...oncallRoutes,
  ...v3ScheduleRoutes, ...v3RotationRoutes, ...v3ShiftRoutes]
