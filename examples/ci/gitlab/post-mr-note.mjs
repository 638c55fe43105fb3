// Posts a file as the merge request's oncall plan note, or updates the note posted before
// (found by the hidden marker), so a merge request has one plan note however often it is pushed.
// Node 22 (global fetch). Environment: GitLab's predefined CI_API_V4_URL, CI_PROJECT_ID,
// CI_MERGE_REQUEST_IID, and GITLAB_NOTE_TOKEN (a project access token with the `api` scope).
import {readFileSync} from 'node:fs'

const MARKER = '<!-- oncall-plan -->'
const MAX = 1_000_000 // GitLab's note limit; oncall's markdown stays under 60,000 characters anyway

const {CI_API_V4_URL: api, CI_PROJECT_ID: project, CI_MERGE_REQUEST_IID: iid, GITLAB_NOTE_TOKEN: token} = process.env
if (!api || !project || !iid || !token) {
  console.error('post-mr-note: CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID and GITLAB_NOTE_TOKEN must be set')
  process.exit(1)
}
const body = readFileSync(process.argv[2] ?? 'comment.md', 'utf8').slice(0, MAX)
const notes = `${api}/projects/${encodeURIComponent(project)}/merge_requests/${iid}/notes`
const headers = {'PRIVATE-TOKEN': token, 'Content-Type': 'application/json'}

async function call(method, url, payload) {
  const res = await fetch(url, {method, headers, body: payload === undefined ? undefined : JSON.stringify(payload)})
  if (!res.ok) throw new Error(`${method} ${url.replace(api, '')}: HTTP ${res.status}`)
  return res.json()
}

let existing
for (let page = 1; !existing; page++) {
  const batch = await call('GET', `${notes}?per_page=100&page=${page}&sort=asc`)
  existing = batch.find((n) => typeof n.body === 'string' && n.body.includes(MARKER))
  if (batch.length < 100) break
}
if (existing) await call('PUT', `${notes}/${existing.id}`, {body})
else await call('POST', notes, {body})
console.log(existing ? `updated note ${existing.id}` : 'posted the plan note')
