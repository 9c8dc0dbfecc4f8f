export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new Error('Pipe the password into standard input, e.g. `echo "$PW" | liaison user add …`.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
