import { loadConfig } from '../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { createNode, type LiaisonNode } from '../node.ts';

/** Opens the configured database (migrated) for a one-shot command, and always closes it. */
export async function withNode<T>(work: (node: LiaisonNode, ctx: Ctx) => Promise<T>): Promise<T> {
  const node = await createNode(loadConfig(), { logger: false });
  try {
    return await work(node, systemCtx(node.app));
  } finally {
    await node.close();
  }
}
