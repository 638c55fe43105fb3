import type {LoggedRequest} from '../request-log.js'
import {validateRequestBody} from './body-validator.js'
import {findOperation} from './subset.js'

export interface SpecMismatch {
  /** Position in the log. */
  index: number
  method: string
  path: string
  problem: string
}

/** The fields of a request the contract check needs (LoggedRequest satisfies it). */
export type RequestForCheck = Pick<LoggedRequest, 'method' | 'path' | 'query' | 'headers' | 'hasAuthorization' | 'body'>

/**
 * Replays recorded requests against the PagerDuty spec subset: the operation exists, the API token
 * was sent, required headers are present, query parameters are declared by the operation (with
 * enum values respected, e.g. include[]), and the body is valid. Returns every mismatch ([] = all
 * good). Reusable by any integration test that drives a client against the sandbox.
 *
 * Spec quirk (notes §7.1): Content-Type is "required" on every operation, GET and DELETE included;
 * real PD only needs it with a body, so it is checked only for requests that carry one.
 */
export function checkRequestsAgainstSpec(log: readonly RequestForCheck[]): SpecMismatch[] {
  const out: SpecMismatch[] = []
  log.forEach((req, index) => {
    const problem = (text: string) => out.push({index, method: req.method, path: req.path, problem: text})
    const found = findOperation(req.method, req.path)
    if (!found) {
      problem('no such operation in the PagerDuty spec subset')
      return
    }
    const {template, operation} = found
    if (!req.hasAuthorization) problem('missing Authorization header')
    const hasBody = req.body !== null && req.body !== undefined
    for (const p of operation.parameters) {
      if (p.in === 'header' && p.required) {
        if (p.name.toLowerCase() === 'content-type' && !hasBody) continue
        if (req.headers[p.name.toLowerCase()] === undefined) problem(`missing required header ${p.name}`)
      }
      if (p.in === 'query' && p.required && req.query[p.name] === undefined) problem(`missing required query parameter ${p.name}`)
    }
    for (const [name, value] of Object.entries(req.query)) {
      const param = operation.parameters.find((p) => p.in === 'query' && p.name === name)
      if (!param) {
        problem(`query parameter ${name} is not defined for ${req.method} ${template}`)
        continue
      }
      const allowed = param.schema?.enum ?? param.schema?.items?.enum
      for (const v of Array.isArray(value) ? value : [value]) {
        if (allowed && !allowed.includes(v)) problem(`query parameter ${name}=${v} is not one of ${allowed.join(', ')}`)
      }
    }
    const ct = req.headers['content-type']
    if (hasBody && ct !== undefined && !ct.toLowerCase().startsWith('application/json')) problem(`Content-Type ${ct} is not application/json`)
    for (const e of validateRequestBody(req.method, template, operation, req.body)) problem(`body: ${e}`)
  })
  return out
}
