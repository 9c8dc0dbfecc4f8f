import type { FeatureManifest } from '../../feature-manifest.ts';
import { fugitiveFlagObserver } from './flag-observer.ts';
import { fugitiveFlagRoutes } from './fugitive-flag-routes.ts';
import { applyFlagNotice, noticeKind } from './partner-notice.ts';
import { wantedPersonsHold } from './wanted-hit-source.ts';
import { rebuildWantedIndex } from './wanted-index.ts';

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
      // The write path indexes what changed in the last half minute; this catches a bulk load or anything older.
      everyMs: () => 60_000,
      runAtStart: true,
      run: async (app) => {
        await rebuildWantedIndex(app.db);
      },
    },
  ],
};
