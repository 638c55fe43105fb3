import type {Route} from '../router.js'

/**
 * Account abilities the sandbox pretends to have: enough for teams and the on-call features the
 * client checks (`teams` gates team endpoints, notes §3.2).
 */
export const ABILITIES = ['teams', 'read_only_users', 'team_responder', 'advanced_permissions', 'urgencies', 'manage_schedules', 'manage_api_keys']

export const abilityRoutes: Route[] = [{method: 'GET', template: '/abilities', handler: () => ({status: 200, body: {abilities: ABILITIES}})}]
