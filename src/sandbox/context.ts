import {newId} from './ids.js'
import type {SandboxState} from './state.js'

/** Everything a route handler may touch: the state, the (injectable) clock and the public URL. */
export class SandboxContext {
  private readonly issued: Set<string>

  constructor(
    public state: SandboxState,
    readonly now: () => number,
    public baseUrl: string,
  ) {
    this.issued = new Set(state.issuedIds)
  }

  newId(): string {
    return newId(this.state, this.issued)
  }

  /** Replaces the whole state (admin reset / tests). */
  replaceState(state: SandboxState): void {
    this.state = state
    this.issued.clear()
    for (const id of state.issuedIds) this.issued.add(id)
  }
}
