// Types for subset-core.mjs (plain JS so that make-subset.mjs runs with bare node).
export declare const OPERATIONS: ReadonlyArray<readonly [string, string]>
export declare function subsetSpec(full: unknown): {
  openapi: string
  info: {title: string; version: string}
  paths: Record<string, Record<string, unknown>>
  components: {schemas: Record<string, unknown>; securitySchemes: unknown}
}
