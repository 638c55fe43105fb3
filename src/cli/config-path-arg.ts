import {Args} from '@oclif/core'

/** The `[PATH]` argument every config-reading command takes, described once (read-files.ts resolveConfigPath). */
export const configPathArg = Args.string({description: 'Config file or directory (default ./oncall.yaml, else ./oncall/).'})
