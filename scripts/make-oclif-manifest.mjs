// Writes oclif.manifest.json (part of `npm run build`): the flags and args of every command,
// so that starting the CLI loads only the command being run. Without it oclif imports every
// command file, and with it their whole dependency graph (sandbox, export, import...), on each
// start (issue 14: start-up was most of a small plan). Run after tsc; never edit the output.
import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Config} from '@oclif/core'

const root = join(import.meta.dirname, '..')
const file = join(root, 'oclif.manifest.json')
rmSync(file, {force: true}) // a stale manifest would be read back instead of the commands
const config = await Config.load({root, ignoreManifest: true})
const plugin = config.plugins.get(config.pjson.name)
if (!plugin || Object.keys(plugin.manifest.commands).length === 0) throw new Error('no commands found: run tsc first')
writeFileSync(file, JSON.stringify(plugin.manifest, null, 2) + '\n')
