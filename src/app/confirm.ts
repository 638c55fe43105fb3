import {createInterface} from 'node:readline/promises'

/** Asks a yes/no question on the terminal; only an explicit "yes" (Terraform's rule) counts. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({input: process.stdin, output: process.stderr})
  try {
    const answer = await rl.question(`${question}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `)
    return answer.trim() === 'yes'
  } finally {
    rl.close()
  }
}
