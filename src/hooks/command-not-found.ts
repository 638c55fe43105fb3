import type {Hook} from '@oclif/core'
import {closest} from '../config/did-you-mean.js'

/**
 * An unknown command exits 1 like every other error (oclif's default 2 would read as "the plan
 * has changes" in CI), with a did-you-mean hint.
 */
const hook: Hook.CommandNotFound = async function (options) {
  const ids = options.config.commandIDs
  const hint = closest(options.id, ids)
  process.stderr.write(
    `error: unknown command \`${options.id}\`${hint ? ` — did you mean \`${hint}\`?` : ''} (commands: ${[...ids].sort().join(', ')})\n`,
  )
  process.exit(1)
}

export default hook
