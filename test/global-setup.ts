import {execFileSync} from 'node:child_process'

// The CLI tests spawn bin/run.js, which loads dist/: compile once before the suite, and write
// oclif.manifest.json as `npm run build` does (a stale one would describe old flags).
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
  execFileSync(process.execPath, ['scripts/make-oclif-manifest.mjs'], {stdio: 'inherit'})
}
