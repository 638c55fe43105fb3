import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * Every temporary directory of a test run, in one place that is removed when the run ends: the
 * global setup points TMPDIR (what os.tmpdir() reads, in the test workers and in every CLI the
 * tests spawn) at a fresh `oncall-test-run-*` directory, and the teardown deletes it. So a test
 * that forgets to clean up, or a CLI killed half-way, leaves nothing behind in the real /tmp.
 */
export function useTemporaryRoot(env: NodeJS.ProcessEnv = process.env): () => void {
  const previous = env.TMPDIR
  const root = mkdtempSync(join(tmpdir(), 'oncall-test-run-'))
  env.TMPDIR = root
  return () => {
    if (previous === undefined) delete env.TMPDIR
    else env.TMPDIR = previous
    rmSync(root, {recursive: true, force: true})
  }
}
