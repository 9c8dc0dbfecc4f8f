import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const webDir = path.join(repoRoot, 'packages/web');
export const webDist = path.join(webDir, 'dist');

/** Newest modification time under a folder (files only), 0 when the folder is missing. */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Builds the web app when dist/index.html is missing or older than its sources (the web app and the core
 * schemas it bundles), so `vitest run --project e2e` never tests a stale bundle.
 */
export function ensureWebBuild(): void {
  const index = path.join(webDist, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = [
    path.join(webDir, 'src'),
    path.join(webDir, 'index.html'),
    path.join(webDir, 'vite.config.ts'),
    path.join(repoRoot, 'packages/core/src'),
  ];
  if (built > Math.max(...sources.map(newestMtime))) return;
  execFileSync('npm', ['run', 'build', '-w', '@liaison/web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
