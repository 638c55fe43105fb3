import type {EscalationPolicy, Schedule, User} from '../../src/model/index.js'

/** A small hand-built state for export tests (the config loader is tested elsewhere). */
export const users = new Map<string, User>([
  ['aiko.tanaka@example.com', {email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', role: 'user'}],
  ['ken.sato@example.com', {email: 'ken.sato@example.com', name: 'Ken Sato', timeZone: null, role: null}],
  ['lena.fischer@example.com', {email: 'lena.fischer@example.com', name: 'Lena Fischer, SRE; "Berlin"', timeZone: null, role: null}],
])

export const schedules: Schedule[] = [
  {
    key: 'consumer-app-primary',
    name: 'Consumer App - Primary',
    description: 'Weekly primary rotation',
    timeZone: 'Asia/Tokyo',
    teams: [],
    layers: [
      {
        name: 'Weekly primary',
        users: ['aiko.tanaka@example.com', 'ken.sato@example.com', 'mei.suzuki@example.com'],
        turnSeconds: 7 * 86_400,
        rotationStart: '2026-01-05T10:00',
        start: '2026-01-05T10:00',
        end: null,
        restrictions: [],
      },
      {
        name: 'Nights 12h',
        users: ['ken.sato@example.com', 'mei.suzuki@example.com'],
        turnSeconds: 12 * 3600,
        rotationStart: '2026-01-05T20:00',
        start: '2026-01-05T20:00',
        end: null,
        restrictions: [{kind: 'daily', start: '20:00', durationMinutes: 12 * 60}],
      },
    ],
  },
  {
    key: 'platform-berlin',
    name: 'Platform (Berlin)',
    description: '',
    timeZone: 'Europe/Berlin',
    teams: [],
    layers: [
      {
        name: 'Business hours',
        users: ['lena.fischer@example.com', 'aiko.tanaka@example.com'],
        turnSeconds: 86_400,
        rotationStart: '2026-03-02T09:00',
        start: '2026-03-02T09:00',
        end: null,
        restrictions: [{kind: 'weekly', startDay: 1, start: '09:00', durationMinutes: (4 * 24 + 9) * 60}],
      },
    ],
  },
]

export const policies: EscalationPolicy[] = [
  {
    key: 'consumer-app',
    name: 'Consumer App',
    description: '',
    team: null,
    repeat: 0,
    handoffNotifications: 'if_has_services',
    rules: [
      {delayMinutes: 15, targets: [{type: 'schedule', key: 'consumer-app-primary'}]},
      {delayMinutes: 30, targets: [{type: 'schedule', key: 'platform-berlin'}, {type: 'user', email: 'ken.sato@example.com'}]},
    ],
  },
]
