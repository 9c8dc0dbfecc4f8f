import { seedDemoCases } from '../cases/demo-cases.ts';
import type { Ctx } from '../context.ts';
import { seedDemoFugitives } from '../fugitives/demo-fugitives.ts';
import { seedDemoOperations } from '../operations/demo-operations.ts';
import { seedDemoRescue } from '../rescue/demo-rescue.ts';
import { seedDemoAccounts } from './demo-accounts.ts';

/** Each feature's demo seeder, in order; each is idempotent. */
const seeders: { name: string; seed: (ctx: Ctx) => Promise<void> }[] = [
  { name: 'accounts', seed: seedDemoAccounts },
  { name: 'cases', seed: seedDemoCases },
  { name: 'rescue', seed: seedDemoRescue },
  { name: 'fugitives', seed: seedDemoFugitives },
  { name: 'operations', seed: seedDemoOperations },
];
seeders.push({ name: 'graph', seed: (ctx) => import('./demo-graph.ts').then((m) => m.seedDemoGraph(ctx)) });

export async function seedDemo(ctx: Ctx, log: (line: string) => void = () => {}): Promise<void> {
  for (const seeder of seeders) {
    await seeder.seed(ctx);
    log(`demo: ${seeder.name} ready`);
  }
}
