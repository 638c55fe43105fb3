import {join} from 'node:path'

/** Two concurrent rotations (a weekly primary, a daily secondary) and a Thursday `everyone` release window. */
export const CONCURRENT = join(import.meta.dirname, '..', 'fixtures', 'concurrent-shifts')
