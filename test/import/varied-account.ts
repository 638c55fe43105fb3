/**
 * A PagerDuty account as people build it in the UI, in wire format (seeded through the sandbox's
 * own POST handlers, never through our apply): every feature the language has, plus objects it
 * cannot describe, plus fields it does not manage (docs/fields.md "preserved": a team's
 * default_role, an assignment strategy other than the language's two, a service's alert_creation
 * and response play),
 * which import must name in a warning and apply must carry through. "Now" is the harness's NOW
 * (Monday 2026-03-02T03:00Z).
 */
import type {SeedFile} from '../../src/sandbox/index.js'

const ref = (type: string, id: string) => ({id, type})
const user = (id: string) => ({user: ref('user_reference', id)})

export const VARIED_SEED: SeedFile = {
  users: [
    {id: 'PU1', name: 'Aiko Tanaka', email: 'Aiko.Tanaka@example.com', time_zone: 'Asia/Tokyo', role: 'admin'},
    {id: 'PU2', name: 'Ken Sato', email: 'ken.sato@example.com', time_zone: 'Asia/Tokyo', role: 'user'},
    {id: 'PU3', name: 'Mei Suzuki', email: 'mei.suzuki@example.com', time_zone: 'Europe/London', role: 'user'},
    {id: 'PU4', name: 'Oliver Smith', email: 'oliver.smith@example.com', time_zone: 'Europe/London', role: 'limited_user'},
    {id: 'PU5', name: 'Priya Rao', email: 'priya.rao@example.com', time_zone: 'Asia/Kolkata', role: 'user'},
    {id: 'PU6', name: 'Sam Lee', email: 'sam.lee@example.com', role: 'observer'},
  ],
  teams: [
    {
      id: 'PT1',
      name: 'Payments',
      description: 'Card and wallet payments',
      members: [
        {user: 'PU1', role: 'manager'},
        {user: 'PU2', role: 'responder'},
        {user: 'PU6', role: 'observer'},
      ],
    },
    {id: 'PT2', name: 'Search Platform', description: 'Search and indexing.\nSecond line of the description.', default_role: 'none', members: [{user: 'PU3', role: 'manager'}, {user: 'PU4'}, {user: 'PU5'}]},
    {id: 'PT3', name: 'Ops Tools', members: [{user: 'PU6', role: 'responder'}]},
  ],
  schedules: [
    {
      id: 'PS1',
      name: 'Payments - Primary',
      description: 'Made in the UI',
      time_zone: 'Asia/Calcutta', // an alias: reads back as Asia/Kolkata
      teams: [ref('team_reference', 'PT1')],
      schedule_layers: [
        // Layer 1 (lowest), starting next Monday exactly at its first handoff: `handoff` form.
        {name: 'Weekly', start: '2026-03-09T00:00:00+05:30', rotation_virtual_start: '2026-03-09T10:00:00+05:30', rotation_turn_length_seconds: 604_800, users: [user('PU1'), user('PU2')]},
        // Layer 2: 12h turns anchored at an odd minute, restrictions in no particular order.
        {
          name: 'Nights 12h',
          start: '2026-01-05T08:17:00+05:30',
          rotation_virtual_start: '2026-01-05T08:17:00+05:30',
          rotation_turn_length_seconds: 43_200,
          users: [user('PU2'), user('PU1'), user('PU2')],
          restrictions: [
            {type: 'weekly_restriction', start_time_of_day: '18:00:00', duration_seconds: 54_000, start_day_of_week: 5},
            {type: 'daily_restriction', start_time_of_day: '22:00:00', duration_seconds: 28_800},
            {type: 'weekly_restriction', start_time_of_day: '09:30:00', duration_seconds: 3600, start_day_of_week: 1},
          ],
        },
        // Layer 3: ended last month: history, left out.
        {name: 'Old layer', start: '2026-01-01T00:00:00+05:30', end: '2026-02-01T00:00:00+05:30', rotation_virtual_start: '2026-01-01T00:00:00+05:30', rotation_turn_length_seconds: 86_400, users: [user('PU1')]},
      ],
    },
    {
      id: 'PS2',
      name: 'Search - Follow the sun',
      time_zone: 'Europe/London',
      teams: [ref('team_reference', 'PT2')],
      schedule_layers: [
        {name: 'Two-day', start: '2026-03-10T09:00:00+00:00', rotation_virtual_start: '2026-03-04T09:00:00+00:00', rotation_turn_length_seconds: 172_800, users: [user('PU3'), user('PU4'), user('PU5')]},
        {
          name: 'Daily nights',
          start: '2026-03-03T00:00:00+00:00',
          rotation_virtual_start: '2026-03-03T06:00:00+00:00',
          rotation_turn_length_seconds: 86_400,
          users: [user('PU4'), user('PU5')],
          restrictions: [
            {type: 'weekly_restriction', start_time_of_day: '18:00:00', duration_seconds: 129_600, start_day_of_week: 6},
            {type: 'daily_restriction', start_time_of_day: '22:00:00', duration_seconds: 28_800},
          ],
        },
        {name: 'Ends later', start: '2026-03-03T00:00:00+00:00', end: '2026-06-01T00:00:00+01:00', rotation_virtual_start: '2026-03-03T00:00:00+00:00', rotation_turn_length_seconds: 1_209_600, users: [user('PU3')]},
      ],
    },
    {
      id: 'PS3',
      name: 'Shared Weekend',
      time_zone: 'Asia/Tokyo',
      schedule_layers: [{name: 'Layer 1', start: '2026-03-07T09:00:00+09:00', rotation_virtual_start: '2026-03-07T09:00:00+09:00', rotation_turn_length_seconds: 604_800, users: [user('PU1'), user('PU3')]}],
    },
    {
      id: 'PS4',
      name: 'Odd swaps',
      time_zone: 'Asia/Tokyo',
      teams: [ref('team_reference', 'PT3')],
      schedule_layers: [{name: 'Layer 1', start: '2026-03-07T09:00:00+09:00', rotation_virtual_start: '2026-03-07T09:00:00+09:00', rotation_turn_length_seconds: 5430, users: [user('PU6'), user('PU1')]}],
    },
    {
      id: 'PS5',
      name: 'Cross-team Secondary',
      time_zone: 'Asia/Tokyo',
      teams: [ref('team_reference', 'PT2'), ref('team_reference', 'PT1')],
      schedule_layers: [{name: 'Daily', start: '2026-03-03T09:00:00+09:00', rotation_virtual_start: '2026-03-03T09:00:00+09:00', rotation_turn_length_seconds: 86_400, users: [user('PU2'), user('PU3')]}],
    },
    {
      id: 'PS6',
      name: 'Seconds',
      time_zone: 'Asia/Tokyo',
      // Times with seconds, as PagerDuty keeps them (a start it moved to "now" carries them).
      schedule_layers: [
        {name: 'Weekly', start: '2026-03-09T04:26:15+09:00', rotation_virtual_start: '2026-03-09T10:00:30+09:00', rotation_turn_length_seconds: 604_800, users: [user('PU1'), user('PU2')]},
        {name: 'Odd anchor', start: '2026-03-10T00:00:00+09:00', rotation_virtual_start: '2026-03-04T08:17:54+09:00', rotation_turn_length_seconds: 43_200, users: [user('PU3')]},
      ],
    },
  ],
  escalation_policies: [
    {
      id: 'PP1',
      name: 'Payments',
      description: 'Primary, then secondary and the lead',
      num_loops: 2,
      on_call_handoff_notifications: 'always',
      teams: [ref('team_reference', 'PT1')],
      escalation_rules: [
        {escalation_delay_in_minutes: 15, targets: [ref('schedule_reference', 'PS1')]},
        {escalation_delay_in_minutes: 90, targets: [ref('schedule_reference', 'PS5'), ref('user_reference', 'PU1')]},
      ],
    },
    {
      id: 'PP2',
      name: 'Search',
      teams: [ref('team_reference', 'PT2')],
      escalation_rules: [{escalation_delay_in_minutes: 5, targets: [ref('schedule_reference', 'PS2')], escalation_rule_assignment_strategy: {type: 'round_robin'}}],
    },
    {
      id: 'PP3',
      name: 'Weekend (no team)',
      escalation_rules: [
        {escalation_delay_in_minutes: 10, targets: [ref('schedule_reference', 'PS3')]},
        // A strategy the language has no word for (preserved, named in a warning).
        {escalation_delay_in_minutes: 30, targets: [ref('user_reference', 'PU6')], escalation_rule_assignment_strategy: {type: 'least_busy'}},
      ],
    },
    {id: 'PP4', name: 'Ops Tools', teams: [ref('team_reference', 'PT3')], escalation_rules: [{escalation_delay_in_minutes: 5, targets: [ref('schedule_reference', 'PS4')]}]},
  ],
  services: [
    {
      id: 'PV1',
      name: 'Payments API',
      escalation_policy: ref('escalation_policy_reference', 'PP1'),
      acknowledgement_timeout: null,
      auto_resolve_timeout: 0,
      incident_urgency_rule: {type: 'constant', urgency: 'severity_based'},
      alert_grouping_parameters: {type: 'time', config: {timeout: 10}},
    },
    {
      id: 'PV2',
      name: 'Payments Web',
      description: 'Checkout pages',
      escalation_policy: ref('escalation_policy_reference', 'PP1'),
      acknowledgement_timeout: 3600,
      auto_resolve_timeout: 86_400,
      incident_urgency_rule: {type: 'use_support_hours', during_support_hours: {type: 'constant', urgency: 'high'}, outside_support_hours: {type: 'constant', urgency: 'low'}},
      support_hours: {type: 'fixed_time_per_day', time_zone: 'Asia/Calcutta', days_of_week: [5, 1, 2, 3, 4], start_time: '09:00:00', end_time: '17:30:00'},
      scheduled_actions: [],
      alert_grouping_parameters: {type: 'intelligent', config: {time_window: 300}},
      auto_pause_notifications_parameters: {enabled: true, timeout: 600},
    },
    {
      id: 'PV3',
      name: 'Search API',
      escalation_policy: ref('escalation_policy_reference', 'PP2'),
      incident_urgency_rule: {type: 'constant', urgency: 'low'},
      alert_grouping_parameters: {type: 'content_based', config: {aggregate: 'any', fields: ['source', 'component'], time_window: 600}},
      auto_pause_notifications_parameters: {enabled: true, timeout: 0},
    },
    {
      id: 'PV4',
      name: 'Search Indexer',
      escalation_policy: ref('escalation_policy_reference', 'PP2'),
      acknowledgement_timeout: 5400,
      alert_grouping_parameters: {type: 'time', config: {timeout: 0}},
      alert_creation: 'create_incidents',
    },
    {
      id: 'PV5',
      name: 'Weekend Batch',
      escalation_policy: ref('escalation_policy_reference', 'PP3'),
      alert_grouping_parameters: {type: null},
      response_play: ref('response_play_reference', 'PRP1'),
    },
    {
      id: 'PV6',
      name: 'Legacy Billing',
      escalation_policy: ref('escalation_policy_reference', 'PP3'),
      incident_urgency_rule: {type: 'use_support_hours', during_support_hours: {type: 'constant', urgency: 'high'}, outside_support_hours: {type: 'constant', urgency: 'low'}},
      support_hours: {type: 'fixed_time_per_day', time_zone: 'Asia/Tokyo', days_of_week: [1, 2, 3, 4, 5], start_time: '09:00:00', end_time: '18:00:00'},
      scheduled_actions: [{type: 'urgency_change', at: {type: 'named_time', name: 'support_hours_start'}, to_urgency: 'high'}],
    },
    {id: 'PV7', name: 'Rules Grouping', escalation_policy: ref('escalation_policy_reference', 'PP3'), alert_grouping_parameters: {type: 'rules', config: {}}},
    {id: 'PV8', name: 'Ops Console', escalation_policy: ref('escalation_policy_reference', 'PP4')},
  ],
}

/** Imported objects whose preserved fields the import must name (by PagerDuty ID), in words the warning must contain. */
export const NOT_MANAGED: Readonly<Record<string, string>> = {
  PT2: 'default_role (none)',
  PP3: 'rules[1].assignment_strategy (least_busy)',
  PV4: 'alert_creation (create_incidents)',
  PV5: 'response_play (PRP1)',
}

/** What the import must leave out (by PagerDuty ID), and why, in words the warning must contain. */
export const NOT_IMPORTABLE: Readonly<Record<string, string>> = {
  PS4: 'turns every 5430s (not whole minutes)',
  PP4: 'odd-swaps, which is not imported',
  PV7: 'alert grouping "rules"',
  PV8: 'ops-tools, which is not imported',
}
