import type {EscalationPolicy} from '../../src/model/escalation-policy.js'
import type {Schedule} from '../../src/model/schedule.js'
import type {Service} from '../../src/model/service.js'
import type {DesiredState} from '../../src/model/state.js'
import type {Team} from '../../src/model/team.js'
import type {User} from '../../src/model/user.js'

/**
 * A desired state that uses every feature the PagerDuty mapping handles: layers with past and
 * future starts, ends, both restriction kinds, DST zones, UTC, support hours,
 * every alert grouping kind, disabled timeouts, policies with and without a team.
 * Meant to be read with now = 2026-11-24T00:00:00Z.
 */
export const NOW = new Date('2026-11-24T00:00:00Z')

const users: User[] = [
  {email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', role: 'user'},
  {email: 'ken.sato@example.com', name: 'Ken Sato', timeZone: 'America/New_York', role: 'limited_user'},
  {email: 'mei.suzuki@example.com', name: 'Mei Suzuki', timeZone: 'UTC', role: 'user'},
]

const teams: Team[] = [
  {
    key: 'consumer-app',
    name: 'Consumer App',
    description: 'Mobile app and its BFF',
    members: [
      {email: 'aiko.tanaka@example.com', role: 'manager'},
      {email: 'ken.sato@example.com', role: 'responder'},
    ],
  },
  {key: 'platform', name: 'Platform', description: '', members: [{email: 'mei.suzuki@example.com', role: 'observer'}]},
]

const schedules: Schedule[] = [
  {
    key: 'consumer-app-primary',
    name: 'Consumer App - Primary',
    description: 'Weekly primary rotation\nsecond line',
    timeZone: 'Asia/Tokyo',
    teams: ['consumer-app'],
    layers: [
      {
        name: 'Weekly primary',
        users: ['aiko.tanaka@example.com', 'ken.sato@example.com', 'mei.suzuki@example.com'],
        turnSeconds: 604800,
        rotationStart: '2026-01-05T10:00',
        start: '2026-01-05T00:00',
        end: null,
        restrictions: [
          {kind: 'daily', start: '09:00', durationMinutes: 540},
          {kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: 6300},
        ],
      },
      {
        name: 'Nights 12h',
        users: ['ken.sato@example.com', 'mei.suzuki@example.com', 'ken.sato@example.com'],
        turnSeconds: 43200,
        rotationStart: '2026-01-05T08:00',
        start: '2026-01-05T08:00',
        end: '2027-06-30T18:00',
        restrictions: [],
      },
      {
        name: 'Next year',
        users: ['aiko.tanaka@example.com'],
        turnSeconds: 86400,
        rotationStart: '2027-01-04T09:00',
        start: '2027-01-04T09:00',
        end: null,
        restrictions: [{kind: 'weekly', startDay: 5, start: '18:00', durationMinutes: 3780}],
      },
    ],
  },
  {
    key: 'ops-ny',
    name: 'Ops NY',
    description: '',
    timeZone: 'America/New_York',
    teams: ['consumer-app', 'platform'],
    layers: [
      {
        name: 'Across DST',
        users: ['mei.suzuki@example.com', 'aiko.tanaka@example.com'],
        turnSeconds: 86400,
        // Just after the 2026 spring-forward gap; end in the autumn overlap hour (earlier instant).
        rotationStart: '2026-03-08T03:00',
        start: '2026-12-01T09:00',
        end: '2027-11-07T01:30',
        restrictions: [{kind: 'daily', start: '22:00', durationMinutes: 600}],
      },
    ],
  },
  {
    key: 'utc-follow-the-sun',
    name: 'Follow the sun',
    description: 'UTC',
    timeZone: 'UTC',
    teams: [],
    layers: [
      {
        name: 'Layer 1',
        users: ['aiko.tanaka@example.com', 'ken.sato@example.com'],
        turnSeconds: 28800,
        rotationStart: '2026-06-01T00:00',
        start: '2026-06-01T00:00',
        end: null,
        restrictions: [],
      },
    ],
  },
]

const escalationPolicies: EscalationPolicy[] = [
  {
    key: 'consumer-app',
    name: 'Consumer App',
    description: 'Pages primary, then the manager',
    team: 'consumer-app',
    repeat: 2,
    handoffNotifications: 'always',
    rules: [
      {delayMinutes: 15, targets: [{type: 'schedule', key: 'consumer-app-primary'}]},
      {
        delayMinutes: 30,
        targets: [
          {type: 'schedule', key: 'ops-ny'},
          {type: 'user', email: 'aiko.tanaka@example.com'},
        ],
      },
    ],
  },
  {
    key: 'platform',
    name: 'Platform',
    description: '',
    team: null,
    repeat: 0,
    handoffNotifications: 'if_has_services',
    rules: [{delayMinutes: 5, targets: [{type: 'schedule', key: 'utc-follow-the-sun'}]}],
  },
]

const services: Service[] = [
  {
    key: 'consumer-api',
    name: 'Consumer API',
    description: 'Public API for the app',
    escalationPolicy: 'consumer-app',
    acknowledgementTimeoutSeconds: 1800,
    autoResolveTimeoutSeconds: 14400,
    urgency: {
      kind: 'support_hours',
      supportHours: {timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'},
      during: 'high',
      outside: 'low',
      scheduledActions: [{at: 'support_hours_start', to: 'high'}],
    },
    alertGrouping: {type: 'content_based', aggregate: 'all', fields: ['source', 'component'], windowMinutes: 5},
    autoPauseSeconds: 600,
  },
  {
    key: 'batch',
    name: 'Batch jobs',
    description: '',
    escalationPolicy: 'platform',
    acknowledgementTimeoutSeconds: null,
    autoResolveTimeoutSeconds: null,
    urgency: {kind: 'constant', urgency: 'low'},
    alertGrouping: {type: 'time', timeoutMinutes: 0},
    autoPauseSeconds: null,
  },
  {
    key: 'search',
    name: 'Search',
    description: 'Smart grouping',
    escalationPolicy: 'platform',
    acknowledgementTimeoutSeconds: 600,
    autoResolveTimeoutSeconds: null,
    urgency: {kind: 'constant', urgency: 'severity_based'},
    alertGrouping: {type: 'intelligent', windowMinutes: 10},
    autoPauseSeconds: 0,
  },
  {
    key: 'no-grouping',
    name: 'No grouping',
    description: '',
    escalationPolicy: 'platform',
    acknowledgementTimeoutSeconds: 1800,
    autoResolveTimeoutSeconds: 14400,
    urgency: {kind: 'constant', urgency: 'high'},
    alertGrouping: null,
    autoPauseSeconds: null,
  },
]

const byKey = <T extends {key: string}>(list: T[]): Map<string, T> => new Map(list.map((x) => [x.key, x]))

export const desiredFixture: DesiredState = {
  owner: 'consumer-app',
  users: new Map(users.map((u) => [u.email, u])),
  teams: byKey(teams),
  schedules: byKey(schedules),
  escalationPolicies: byKey(escalationPolicies),
  services: byKey(services),
  referencedUsers: new Set(),
}
