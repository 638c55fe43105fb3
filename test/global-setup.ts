import {execFileSync} from 'node:child_process'

// The CLI tests spawn bin/run.js, which loads dist/: compile once before the suite.
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
}
