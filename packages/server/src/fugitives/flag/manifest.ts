import type { FeatureManifest } from '../../feature-manifest.ts';
import { fugitiveFlagObserver } from './flag-observer.ts';
import { fugitiveFlagRoutes } from './fugitive-flag-routes.ts';
import { applyFlagNotice, noticeKind } from './partner-notice.ts';
import { wantedPersonsHold } from './wanted-hit-source.ts';
import { rebuildWantedIndex, syncWantedIndex } from './wanted-index.ts';

/** The nodes whose start-up catch-up has run (a full pass once, then the hourly window). */
const started = new WeakSet<object>();

/** The fugitive flag (README.md): wanted persons seen anywhere are flagged at once, explained, live. */
export const fugitiveFlagManifest: FeatureManifest = {
  name: 'fugitive-flag',
  routes: [fugitiveFlagRoutes],
  changeObservers: [fugitiveFlagObserver],
  messageHandlers: { [noticeKind]: applyFlagNotice },
  hitSources: [wantedPersonsHold],
  jobs: [
    {
      name: 'fugitive-flag.index',
      phase: 'node',
      // The write path indexes what changed in the last half minute; this catches a register write that committed
      // later than that (within the hour). At start, every fugitive not indexed at its version (a bulk load, an
      // upgrade).
      everyMs: () => 60_000,
      runAtStart: true,
      run: async (app) => {
        if (started.has(app)) await app.db.transaction().execute((trx) => syncWantedIndex(trx, '1 hour'));
        else {
          started.add(app);
          await rebuildWantedIndex(app.db);
        }
      },
    },
  ],
};
