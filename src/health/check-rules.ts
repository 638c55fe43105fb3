import type {EscalationPolicy} from '../model/escalation-policy.js'
import type {Schedule} from '../model/schedule.js'
import {formatInZone, formatSpanInZone} from '../schedule/format-local.js'
import type {Interval} from '../schedule/interval.js'
import {HOUR_MS} from '../schedule/local-time.js'
import type {TimeWindow} from '../schedule/shift.js'
import {ZoneClock} from '../schedule/zone-clock.js'
import {EventExpander} from '../schedule/v3/event-shifts.js'
import {engineEventOf} from '../schedule/v3/shift-based-shifts.js'
import type {ScheduleLoad} from './load.js'
import type {HealthSettings, RuleName, RuleSet, RuleSetting, RuleSeverity} from './settings.js'

/** Where a breach is best fixed; the config layer turns it into file:line:col. */
export type BreachSite =
  | {readonly kind: 'layer-user'; readonly schedule: string; readonly layer: number; readonly index: number}
  | {readonly kind: 'layer'; readonly schedule: string; readonly layer: number}
  /** A member entry of a shift-based schedule's event (rotation and event indexes). */
  | {readonly kind: 'rotation-member'; readonly schedule: string; readonly rotation: number; readonly event: number; readonly index: number}
  | {readonly kind: 'rotation'; readonly schedule: string; readonly rotation: number}
  | {readonly kind: 'schedule'; readonly schedule: string}
  | {readonly kind: 'policy-level'; readonly policy: string; readonly level: number}

export interface Breach {
  readonly rule: RuleName
  readonly severity: RuleSeverity
  readonly schedule: string | null
  readonly user: string | null
  readonly message: string
  readonly site: BreachSite
  /** The limit and where it was set, for the hint. */
  readonly setting: RuleSetting
}

export interface RulesInput {
  /** Each schedule's load over `window` (from the engine, or any list of shifts). */
  readonly loads: readonly ScheduleLoad[]
  /** The schedules' layers (min_people reads who rotates; sites point at a person's first layer entry). */
  readonly schedules: ReadonlyMap<string, Schedule>
  readonly policies: readonly EscalationPolicy[]
  readonly settings: HealthSettings
  readonly window: TimeWindow
}

/**
 * Judges the team's rules (docs/language.md, "Team rules") over the window. One breach per rule,
 * schedule and person (the worst case is named, the others counted), so one bad swap is one line.
 */
export function checkRules(input: RulesInput): Breach[] {
  const out: Breach[] = []
  for (const load of input.loads) {
    const schedule = input.schedules.get(load.schedule)
    const rules = input.settings.rulesBySchedule.get(load.schedule) ?? input.settings.configRules
    if (schedule !== undefined) out.push(...minPeople(schedule, rules))
    out.push(...perPersonRules(load, schedule, rules, input.window))
  }
  // Schedules without any shift in the window still have layers to count.
  for (const schedule of input.schedules.values()) {
    if (input.loads.some((l) => l.schedule === schedule.key)) continue
    out.push(...minPeople(schedule, input.settings.rulesBySchedule.get(schedule.key) ?? input.settings.configRules))
  }
  out.push(...minRest(input))
  out.push(...doubleBooking(input))
  return out
}

/** Layers (or a shift-based schedule's rotations, all their events' members) with too few people. */
function minPeople(schedule: Schedule, rules: RuleSet): Breach[] {
  const setting = rules.min_people
  if (setting === undefined) return []
  const groups =
    schedule.rotations !== undefined
      ? schedule.rotations.map((r, i) => ({what: 'rotation', name: r.name, users: r.events.flatMap((e) => e.members), site: {kind: 'rotation', schedule: schedule.key, rotation: i} as BreachSite}))
      : schedule.layers.map((l, i) => ({what: 'layer', name: l.name, users: l.users, site: {kind: 'layer', schedule: schedule.key, layer: i} as BreachSite}))
  return groups.flatMap((g, i): Breach[] => {
    const people = new Set(g.users).size
    if (people >= setting.value) return []
    return [
      {
        rule: 'min_people',
        severity: setting.severity,
        schedule: schedule.key,
        user: null,
        message: `${g.what} ${i + 1} (${g.name}) of schedule \`${schedule.key}\` rotates ${people} ${people === 1 ? 'person' : 'people'}; the team's rule asks for at least ${setting.value}`,
        site: g.site,
        setting,
      },
    ]
  })
}

function perPersonRules(load: ScheduleLoad, schedule: Schedule | undefined, rules: RuleSet, window: TimeWindow): Breach[] {
  const out: Breach[] = []
  const zone = load.timeZone
  const site = (user: string): BreachSite => personSite(schedule, load.schedule, user)
  const streak = rules.max_consecutive_days
  const shareRules: [RuleName, string, (p: ScheduleLoad['people'][number]) => number, number][] = [
    ['max_share', 'of the on-call time', (p) => p.share, load.onCallMs],
    ['max_nights_share', 'of the nights', (p) => p.nightShare, load.nightMs],
    ['max_weekend_share', 'of the weekend hours', (p) => p.weekendShare, load.weekendMs],
    ['max_holiday_share', 'of the public-holiday hours', (p) => p.holidayShare, load.holidayMs],
  ]
  for (const p of load.people) {
    if (streak !== undefined) {
      const worst = p.longestStreak
      // Only a person whose longest stretch is too long has any: count theirs.
      const long = worst !== null && worst.days > streak.value + 1e-9 ? p.intervals.filter((i) => daysOf(i, p, load) > streak.value + 1e-9) : []
      if (long.length > 0 && worst !== null) {
        const more = long.length > 1 ? ` (and ${long.length - 1} more stretch${long.length > 2 ? 'es' : ''} over the limit)` : ''
        out.push({
          rule: 'max_consecutive_days',
          severity: streak.severity,
          schedule: load.schedule,
          user: p.user,
          message: `${p.user} is on call in schedule \`${load.schedule}\` for ${round1(worst.days)} days without a break, ${formatSpanInZone(worst.start, worst.end, zone)}${more}; the team's rule allows ${streak.value}`,
          site: site(p.user),
          setting: streak,
        })
      }
    }
    for (const [rule, what, shareOf, whole] of shareRules) {
      const setting = rules[rule]
      if (setting === undefined || whole <= 0) continue
      const share = shareOf(p)
      if (share <= setting.value + 1e-9) continue
      const ownClock = rule === 'max_nights_share' || rule === 'max_weekend_share' ? ` (counted on ${p.user}'s clock, ${p.timeZone})` : ''
      out.push({
        rule,
        severity: setting.severity,
        schedule: load.schedule,
        user: p.user,
        message: `${p.user} carries ${percent(share)} ${what} of schedule \`${load.schedule}\`${ownClock} in the ${round1((window.end - window.start) / (24 * HOUR_MS))} days from ${formatInZone(window.start, zone)} ${zone}; the team's rule allows ${percent(setting.value)}`,
        site: site(p.user),
        setting,
      })
    }
  }
  return out
}

function daysOf(i: Interval, p: ScheduleLoad['people'][number], load: ScheduleLoad): number {
  if (p.longestStreak !== null && p.longestStreak.start === i.start && p.longestStreak.end === i.end) return p.longestStreak.days
  return wallDays(i, load.timeZone)
}

function minRest(input: RulesInput): Breach[] {
  const setting = input.settings.configRules.min_rest_hours
  if (setting === undefined) return []
  const limitMs = setting.value * HOUR_MS
  // Per person, the sorted interval list of each schedule they are in (few per person).
  const byUser = new Map<string, {intervals: readonly Interval[]; load: ScheduleLoad}[]>()
  for (const load of input.loads) {
    for (const p of load.people) {
      let lists = byUser.get(p.user)
      if (lists === undefined) byUser.set(p.user, (lists = []))
      lists.push({intervals: p.intervals, load})
    }
  }
  const out: Breach[] = []
  for (const [user, lists] of [...byUser].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // A k-way merge of the lists into blocks of uninterrupted time (on call in two schedules at
    // once, or a handoff between them, is one block), judging each rest as it goes: a year of a
    // whole organisation is a million intervals, so nothing is allocated per interval.
    const heads = lists.map(() => 0)
    let blockEnd = -Infinity
    let blockEndLoad: ScheduleLoad | null = null
    let short = 0
    let worst: {gap: number; end: number; endLoad: ScheduleLoad; start: number; startLoad: ScheduleLoad} | null = null
    for (;;) {
      let pick = -1
      let pickStart = Infinity
      for (let k = 0; k < lists.length; k++) {
        const next = (lists[k] as (typeof lists)[number]).intervals[heads[k] as number]
        if (next !== undefined && next.start < pickStart) {
          pick = k
          pickStart = next.start
        }
      }
      if (pick < 0) break
      const list = lists[pick] as (typeof lists)[number]
      const piece = list.intervals[heads[pick] as number] as Interval
      heads[pick] = (heads[pick] as number) + 1
      if (piece.start > blockEnd && blockEndLoad !== null) {
        const gap = piece.start - blockEnd
        if (gap < limitMs) {
          short++
          if (worst === null || gap < worst.gap) worst = {gap, end: blockEnd, endLoad: blockEndLoad, start: piece.start, startLoad: list.load}
        }
      }
      if (piece.end >= blockEnd) {
        blockEnd = piece.end
        blockEndLoad = list.load
      }
    }
    if (worst === null) continue
    const more = short > 1 ? ` (${short} short rests in all)` : ''
    const [before, after] = [worst.endLoad, worst.startLoad]
    out.push({
      rule: 'min_rest_hours',
      severity: setting.severity,
      schedule: after.schedule,
      user,
      message: `${user} rests only ${round1(worst.gap / HOUR_MS)} h between the end of a shift in \`${before.schedule}\` at ${formatInZone(worst.end, before.timeZone)} ${before.timeZone} and the next in \`${after.schedule}\` at ${formatInZone(worst.start, after.timeZone)} ${after.timeZone}${more}; the team's rule asks for ${setting.value} h`,
      site: personSite(input.schedules.get(after.schedule), after.schedule, user),
      setting,
    })
  }
  return out
}

function doubleBooking(input: RulesInput): Breach[] {
  const setting = input.settings.configRules.no_double_booking
  if (setting === undefined || setting.value === 0) return []
  const loads = new Map(input.loads.map((l) => [l.schedule, l]))
  const out: Breach[] = []
  // Within one shift-based schedule: two concurrent rotations (or an `everyone` event) put the
  // same person on call twice at once, so one of the two shifts is covered by nobody else.
  for (const load of input.loads) {
    for (const p of load.people) {
      if (p.doubleBooked === null) continue
      const {first, ms} = p.doubleBooked
      const total = ms > first.end - first.start ? ` (${round1(ms / HOUR_MS)} h in all)` : ''
      out.push({
        rule: 'no_double_booking',
        severity: setting.severity,
        schedule: load.schedule,
        user: p.user,
        message: `${p.user} is on call twice at once in schedule \`${load.schedule}\` (two of its rotations), from ${formatSpanInZone(first.start, first.end, load.timeZone)}${total}: that time has one person fewer on call than the rotations promise`,
        site: personSite(input.schedules.get(load.schedule), load.schedule, p.user, first.start),
        setting,
      })
    }
  }
  for (const policy of [...input.policies].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const levels = policy.rules.map((r) => r.targets)
    const together = (a: string, b: string) => levels.some((t) => t.some((x) => x.type === 'schedule' && x.key === a) && t.some((x) => x.type === 'schedule' && x.key === b))
    const seen = new Set<string>()
    for (let i = 0; i < levels.length; i++) {
      for (let j = i + 1; j < levels.length; j++) {
        for (const upper of levels[i] ?? []) {
          for (const lower of levels[j] ?? []) {
            if (upper.type !== 'schedule') continue
            const first = loads.get(upper.key)
            if (first === undefined) continue
            if (lower.type === 'schedule') {
              if (lower.key === upper.key || together(upper.key, lower.key)) continue
              const second = loads.get(lower.key)
              if (second === undefined) continue
              for (const p of first.people) {
                const q = second.people.find((x) => x.user === p.user)
                const overlap = q === undefined ? null : firstOverlap(p.intervals, q.intervals)
                const id = `${p.user} ${upper.key} ${lower.key}`
                if (overlap === null || seen.has(id)) continue
                seen.add(id)
                out.push(breach(p.user, upper.key, i, lower.key, j, overlap, first.timeZone))
              }
            } else {
              const p = first.people.find((x) => x.user === lower.email)
              const id = `${lower.email} ${upper.key} user`
              if (p === undefined || p.intervals.length === 0 || seen.has(id)) continue
              seen.add(id)
              out.push(breach(lower.email, upper.key, i, null, j, p.intervals[0] as Interval, first.timeZone))
            }
          }
        }
      }
    }
    function breach(user: string, upper: string, i: number, lower: string | null, j: number, at: Interval, zone: string): Breach {
      const second = lower === null ? `is also level ${j + 1} by name` : `is also on call in \`${lower}\` at level ${j + 1}`
      return {
        rule: 'no_double_booking',
        severity: setting!.severity,
        schedule: upper,
        user,
        message: `${user} is on call in \`${upper}\` at level ${i + 1} of escalation policy \`${policy.key}\` and ${second} at the same time, from ${formatSpanInZone(at.start, at.end, zone)}: an unanswered page escalates to the same person`,
        site: {kind: 'policy-level', policy: policy.key, level: j},
        setting: setting!,
      }
    }
  }
  return out
}

function firstOverlap(a: readonly Interval[], b: readonly Interval[]): Interval | null {
  let j = 0
  for (const x of a) {
    while (j < b.length && (b[j] as Interval).end <= x.start) j++
    const y = b[j]
    if (y !== undefined && y.start < x.end) return {start: Math.max(x.start, y.start), end: Math.min(x.end, y.end)}
  }
  return null
}

/**
 * The person's entry in the topmost layer that lists them (where a swap is undone), else the
 * schedule. In a shift-based schedule: their member entry in the first event that lists them (of
 * an event that has a shift at `at` when given, so a double booking points at one of its two).
 */
function personSite(schedule: Schedule | undefined, key: string, user: string, at?: number): BreachSite {
  if (schedule?.rotations !== undefined) {
    const entries = schedule.rotations.flatMap((r, rotation) => r.events.map((e, event) => ({rotation, event, index: e.members.indexOf(user), e})))
    const listed = entries.filter((x) => x.index >= 0)
    const active = at === undefined ? [] : listed.filter((x) => new EventExpander(engineEventOf(x.e)).shifts({start: at, end: at + 1}).some((s) => s.member === user))
    const hit = active[active.length - 1] ?? listed[0]
    if (hit !== undefined) return {kind: 'rotation-member', schedule: key, rotation: hit.rotation, event: hit.event, index: hit.index}
  }
  if (schedule !== undefined) {
    for (let l = schedule.layers.length - 1; l >= 0; l--) {
      const index = (schedule.layers[l] as Schedule['layers'][number]).users.indexOf(user)
      if (index >= 0) return {kind: 'layer-user', schedule: key, layer: l, index}
    }
  }
  return {kind: 'schedule', schedule: key}
}

function wallDays(i: Interval, zone: string): number {
  const clock = ZoneClock.of(zone)
  return (clock.toLocal(i.end) - clock.toLocal(i.start)) / (24 * HOUR_MS)
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10)
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`
}
