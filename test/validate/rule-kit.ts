import {stringify} from 'yaml'
import type {Diagnostic} from '../../src/config/diagnostic.js'
import {checkSources} from '../../src/config/load-config.js'
import type {Rule} from '../../src/config/rules/index.js'
import type {WrittenConfig} from '../../src/config/written.js'

/** A small valid config; tests change one thing in a fresh copy and run one rule over it. */
export function baseConfig(): WrittenConfig & Required<Pick<WrittenConfig, 'teams' | 'schedules' | 'escalation_policies' | 'services'>> {
  return {
    version: 1,
    owner: 'test',
    users: [{email: 'aiko@example.com', name: 'Aiko'}],
    teams: {app: {name: 'App', members: [{user: 'aiko@example.com'}, {user: 'ken@example.com'}]}},
    schedules: {
      primary: {
        time_zone: 'Asia/Tokyo',
        teams: ['app'],
        layers: [{users: ['aiko@example.com', 'ken@example.com'], turn: 'weekly', handoff: 'mon 10:00', start: '2026-01-05'}],
      },
    },
    escalation_policies: {app: {team: 'app', rules: [{delay: '15m', targets: [{schedule: 'primary'}]}]}},
    services: {api: {escalation_policy: 'app', team: 'app'}},
  }
}

export const TEST_NOW = new Date('2026-03-01T00:00:00Z')

/** Runs `rule` (only) over `config` written as YAML; returns every diagnostic, schema ones included. */
export function runRule(rule: Rule, config: WrittenConfig, now: Date = TEST_NOW): Diagnostic[] {
  return checkSources([{file: 'oncall.yaml', text: stringify(config)}], {rules: [rule], now}).diagnostics
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code)
}
