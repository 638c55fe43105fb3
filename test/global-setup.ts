import {execFileSync} from 'node:child_process'
import {useTemporaryRoot} from './temp-root.js'

// The CLI tests spawn bin/run.js, which loads dist/: compile once before the suite, and write
// oclif.manifest.json and the precompiled schema validator as `npm run build` does (a stale
// manifest would describe old flags; a stale validator is ignored, but slower). Temporary
// directories of the whole run go under one root that the teardown removes (temp-root.ts).
export default function setup(): () => void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
  execFileSync(process.execPath, ['scripts/make-oclif-manifest.mjs'], {stdio: 'inherit'})
  execFileSync(process.execPath, ['scripts/make-schema-validator.mjs'], {stdio: 'inherit'})
  return useTemporaryRoot()
}
