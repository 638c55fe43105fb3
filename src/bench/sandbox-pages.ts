import {performance} from 'node:perf_hooks'
import {startSandbox} from '../sandbox/index.js'
import type {BenchResult} from './bench-result.js'
import {benchEmail, orgSize, seedUsers} from './scaled-org.js'

/**
 * The sandbox's per-page cost of a list (issue 14: a page of users cost 33 ms at 4× against 5 ms
 * at 1×, from membership scans per user). Users and teams with 7 members each are seeded at 1× and
 * 4×; pages of 100 users and of 100 teams are fetched warm over loopback HTTP, one at a time.
 * Target: the 4× page costs what the 1× page costs (within noise).
 */
const PAGES = 40

async function perPage(scale: number): Promise<{users: number; teams: number}> {
  const size = orgSize(scale)
  const teams = Array.from({length: size.teams}, (_, t) => ({
    type: 'team',
    name: `Team ${t}`,
    members: Array.from({length: 7}, (_, m) => ({user: benchEmail((t * 7 + m) % size.users), role: 'responder'})),
  }))
  const sandbox = await startSandbox({seed: {users: seedUsers(size), teams}, rateLimitPerMinute: 1e9})
  const headers = {Authorization: `Token token=${sandbox.token}`, Accept: 'application/vnd.pagerduty+json;version=2'}
  const msPerPage = async (collection: string): Promise<number> => {
    const get = async (offset: number) => {
      const res = await fetch(`${sandbox.url}/${collection}?limit=100&offset=${offset}`, {headers})
      if (res.status !== 200) throw new Error(`GET /${collection}: ${res.status}`)
      await res.json()
    }
    for (let i = 0; i < 3; i++) await get(0)
    const started = performance.now()
    for (let i = 0; i < PAGES; i++) await get((i * 100) % 1000)
    return (performance.now() - started) / PAGES
  }
  try {
    return {users: await msPerPage('users'), teams: await msPerPage('teams')}
  } finally {
    await sandbox.stop()
  }
}

export async function run(): Promise<BenchResult[]> {
  const one = await perPage(1)
  const four = await perPage(4)
  const ms = (v: number) => Math.round(v * 10) / 10
  return [
    {name: 'sandbox-pages 1x a page of 100 users', value: ms(one.users), unit: 'ms', target: 'informational'},
    {name: 'sandbox-pages 4x a page of 100 users', value: ms(four.users), unit: 'ms', target: `about the 1x page (${ms(one.users)} ms)`},
    {name: 'sandbox-pages 1x a page of 100 teams', value: ms(one.teams), unit: 'ms', target: 'informational'},
    {name: 'sandbox-pages 4x a page of 100 teams', value: ms(four.teams), unit: 'ms', target: `about the 1x page (${ms(one.teams)} ms)`},
  ]
}
