import {startSandbox, type Sandbox, type SandboxOptions} from '../../src/sandbox/index.js'

/** A fixed instant for every test: Monday 2026-03-02 00:00 UTC. */
export const T0 = Date.parse('2026-03-02T00:00:00Z')

export interface Reply {
  status: number
  headers: Headers
  body: any
}

export interface Client {
  sandbox: Sandbox
  call(method: string, path: string, opts?: {body?: unknown; headers?: Record<string, string>; token?: string | null}): Promise<Reply>
  get(path: string): Promise<Reply>
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>
  put(path: string, body: unknown): Promise<Reply>
  del(path: string): Promise<Reply>
}

/** Starts a sandbox with a settable fixed clock and returns a small fetch client speaking PD headers. */
export async function startClient(opts: SandboxOptions = {}): Promise<Client & {clock: {now: number}}> {
  const clock = {now: T0}
  // Every account has an owner; it is also the From address for POST /users.
  const seed = opts.seed ?? {users: [{name: 'Owner', email: FROM.From, role: 'owner'}]}
  const sandbox = await startSandbox({now: () => clock.now, token: 'testtoken', ...opts, seed})
  const call: Client['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {Accept: 'application/vnd.pagerduty+json;version=2', ...o.headers}
    if (o.token !== null) headers.Authorization = `Token token=${o.token ?? sandbox.token}`
    if (o.body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(sandbox.url + path, {method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body)})
    const text = await res.text()
    return {status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text)}
  }
  return {
    sandbox,
    clock,
    call,
    get: (p) => call('GET', p),
    post: (p, body, headers) => call('POST', p, {body, headers}),
    put: (p, body) => call('PUT', p, {body}),
    del: (p) => call('DELETE', p),
  }
}

export const FROM = {From: 'admin@example.com'}

export async function createUser(c: Client, name: string, email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await c.post('/users', {user: {type: 'user', name, email, ...extra}}, FROM)
  if (r.status !== 201) throw new Error(`createUser ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.user.id as string
}

export function layer(users: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Layer',
    start: '2026-03-02T10:00:00+09:00',
    rotation_virtual_start: '2026-03-02T10:00:00+09:00',
    rotation_turn_length_seconds: 604800,
    users: users.map((id) => ({user: {id, type: 'user_reference'}})),
    ...extra,
  }
}

export async function createSchedule(c: Client, name: string, layers: Record<string, unknown>[], extra: Record<string, unknown> = {}): Promise<any> {
  const r = await c.post('/schedules', {schedule: {type: 'schedule', name, time_zone: 'Asia/Tokyo', schedule_layers: layers, ...extra}})
  if (r.status !== 201) throw new Error(`createSchedule ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.schedule
}

export async function createPolicy(c: Client, name: string, targets: {id: string; type: string}[], extra: Record<string, unknown> = {}): Promise<any> {
  const r = await c.post('/escalation_policies', {
    escalation_policy: {type: 'escalation_policy', name, escalation_rules: [{escalation_delay_in_minutes: 30, targets}], ...extra},
  })
  if (r.status !== 201) throw new Error(`createPolicy ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.escalation_policy
}
