import fs from 'node:fs';
import readline from 'node:readline/promises';
import { LiaisonError } from '@liaison/core';
import { PeerIdentity } from '@liaison/core/federation/peers';
import type { Command } from 'commander';
import { deliverPending } from '../../federation/delivery.ts';
import { addPeer, type PeerPreview, previewPeer } from '../../federation/peer-add.ts';
import { exportIdentity, listPeers, rotateNodeKeys, setPeerStatus } from '../../federation/peers.ts';
import { systemActor } from '../system-actor.ts';
import { withNode } from '../with-node.ts';

async function nodeActor(node: Parameters<Parameters<typeof withNode>[0]>[0]) {
  const agency = await node.app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', node.app.config.nodeAgency)
    .executeTakeFirst();
  return systemActor(agency ?? { id: '', code: node.app.config.nodeAgency });
}

function plain<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error) => {
    if (error instanceof LiaisonError) throw new Error(error.detail ?? error.message);
    throw error;
  });
}

/** What the file would change of a known peer; the identity is replaced only on `--replace`. */
function explainChanges(node: string, known: NonNullable<PeerPreview['known']>): void {
  console.error(`${node} is already a peer, with fingerprint ${known.fingerprint}. This file changes:`);
  for (const change of known.changes) console.error(`  ${change.field}: ${change.known} -> ${change.file}`);
}

async function confirm(yes: boolean): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY)
    throw new Error('Confirm the fingerprint with the peer by phone, then run again with --yes.');
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Does the peer read out the same fingerprint? Type "yes": ');
  rl.close();
  if (answer.trim().toLowerCase() !== 'yes') throw new Error('Not confirmed; nothing added.');
}

export function registerPeerCommands(program: Command): void {
  const peer = program.command('peer').description("Federation: this node's identity and its peers");
  peer
    .command('export')
    .description("Write this node's public identity (name, agency, URL, public keys, fingerprint)")
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (options: { out?: string }) => {
      await withNode(async (node) => {
        const identity = await exportIdentity(node.app);
        const text = `${JSON.stringify(identity, null, 2)}\n`;
        if (options.out) {
          fs.writeFileSync(options.out, text);
          console.error(`Wrote ${options.out}. Fingerprint: ${identity.fingerprint}`);
        } else process.stdout.write(text);
      });
    });
  peer
    .command('add <file>')
    .description('Add a peer from its identity file, after confirming the fingerprint with the peer')
    .option('--yes', 'do not ask: the fingerprint was confirmed out of band')
    .option('--replace', "replace a known peer's identity (changed URL, agency, country or keys)")
    .action(async (file: string, options: { yes?: boolean; replace?: boolean }) => {
      const parsed = PeerIdentity.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success)
        throw new Error(
          `${file} is not a peer identity: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const identity = parsed.data;
      await withNode(async (node, ctx) => {
        const actor = await nodeActor(node);
        // Refuses (and audits) a file whose key ids are not its keys' thumbprints before showing anything.
        const preview = await plain(() => previewPeer(ctx, actor, identity));
        console.error(`Peer ${identity.node} (${identity.agency}, ${identity.country}) at ${identity.url}`);
        console.error(`Fingerprint: ${preview.fingerprint}`);
        if (preview.statedFingerprint)
          console.error(
            `Warning: the file states another fingerprint (${preview.statedFingerprint}); it was altered or not written by \`liaison peer export\`.`,
          );
        if (preview.known && preview.known.changes.length === 0) {
          console.log(`Peer ${identity.node} is already known with this identity; nothing changed.`);
          return;
        }
        if (preview.known) {
          explainChanges(identity.node, preview.known);
          // Without --replace the node refuses the change (and audits the refusal); nothing is written.
          if (!options.replace)
            await addPeer(ctx, actor, identity, preview.fingerprint).catch((error: unknown) => {
              if (error instanceof LiaisonError && error.code === 'conflict')
                throw new Error(
                  'Nothing changed. Confirm the new fingerprint with the peer by phone, then run again with --replace.',
                );
              throw error;
            });
        }
        await confirm(options.yes === true);
        const added = await plain(() =>
          addPeer(ctx, actor, identity, preview.fingerprint, { replace: options.replace === true }),
        );
        console.log(
          preview.known
            ? `Peer ${added.node} (${added.agency}): identity replaced; it is ${added.status}.`
            : `Peer ${added.node} (${added.agency}) is ${added.status}.`,
        );
      });
    });
  peer
    .command('list')
    .description('List peers with their status and queued messages')
    .action(async () => {
      await withNode(async (node, ctx) => {
        for (const p of await listPeers(ctx, await nodeActor(node)))
          console.log(
            `${p.node}\t${p.agency}\t${p.country}\t${p.status}\t${p.url}\tqueued ${p.queued}\t${p.fingerprint}`,
          );
      });
    });
  for (const [name, status] of [
    ['suspend', 'suspended'],
    ['activate', 'active'],
  ] as const) {
    peer
      .command(`${name} <node>`)
      .description(`${name === 'suspend' ? 'Suspend' : 'Reactivate'} a peer (history is kept)`)
      .action(async (nodeName: string) => {
        await withNode(async (node, ctx) => {
          const p = await plain(() =>
            setPeerStatus(ctx, systemActor({ id: '', code: node.app.config.nodeAgency }), nodeName, status),
          );
          console.log(`Peer ${p.node} is ${p.status}.`);
        });
      });
  }
  peer
    .command('rotate-keys')
    .description('Make new node keys; peers are told in a message signed with the old key; old keys are kept')
    .action(async () => {
      await withNode(async (node, ctx) => {
        const identity = await rotateNodeKeys(ctx, await nodeActor(node));
        await deliverPending(node.app).catch(() => undefined);
        console.log(`New fingerprint: ${identity.fingerprint}`);
      });
    });
}
