import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every row has one owner: federation is generic over the record kinds its features implement
// (changes/shared-record-kind.ts) and names no other feature's table. The owners are read from each feature's
// `tables.ts` (its Kysely table interfaces), so a new table is covered as soon as it is declared.

const src = join(import.meta.dirname, '..');

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Table → its owning feature (the folder under src/) and its columns, from every `tables.ts`. */
function tableOwners(): Map<string, { owner: string; columns: Set<string> }> {
  const owners = new Map<string, { owner: string; columns: Set<string> }>();
  const tableFiles = files(src, (p) => /(^|[/-])tables\.ts$/.test(p) && !p.includes(`${src}/db/`));
  for (const path of tableFiles) {
    const owner = relative(src, path).split('/')[0]!;
    let current: Set<string> | null = null;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      // A table is a member of a `…Tables` interface (two spaces in); its columns are four spaces in.
      const table = /^ {2}([a-z][a-z0-9_]*)\??\s*:/.exec(line);
      if (table) {
        current = new Set();
        owners.set(table[1]!, { owner, columns: current });
        continue;
      }
      const column = /^ {4}([a-z][a-z0-9_]*)\??\s*:/.exec(line);
      if (column && current) current.add(column[1]!);
    }
  }
  return owners;
}

/** The code of a file without its comments (a `//` inside a string such as a URL is kept). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

const kyselyTable =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|with|mergeInto)\(\s*['"`]([a-z][a-z0-9_]*)/g;
const sqlTable = /\b(?:from|into|update|join)\s+([a-z][a-z0-9_]*)\b/gi;
const columnRef = /['"`]([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)['"`\s]/g;

/** The other features' tables a file names: in a Kysely call, in SQL, or as `table.column`. */
function namedTables(text: string, owners: ReturnType<typeof tableOwners>): Set<string> {
  const found = new Set<string>();
  const body = code(text);
  for (const re of [kyselyTable, sqlTable])
    for (const m of body.matchAll(re)) {
      const table = m[1]!.toLowerCase();
      if (owners.has(table) && owners.get(table)!.owner !== 'federation') found.add(table);
    }
  for (const m of body.matchAll(columnRef)) {
    const entry = owners.get(m[1]!);
    if (entry && entry.owner !== 'federation' && entry.columns.has(m[2]!)) found.add(m[1]!);
  }
  return found;
}

/**
 * Files under federation/ that still name another feature's tables, each with the tables and why. The list
 * only shrinks: a file here that no longer names them fails the test too, so the entry is removed with it.
 */
const pending: Record<string, { tables: string[]; why: string }> = {
  'federation/testing.ts': {
    tables: ['agencies', 'audit_log', 'users'],
    why: 'test support of peered nodes inserts officers and reads the audit: the shared test factories',
  },
};

describe('ownership', () => {
  const owners = tableOwners();

  it('reads the owners from the features’ tables files', () => {
    expect(owners.get('cases')?.owner).toBe('cases');
    expect(owners.get('entities')?.owner).toBe('graph');
    expect(owners.get('mirrored_records')?.owner).toBe('federation');
  });

  it('federation names no table owned by another feature', () => {
    const federation = files(join(src, 'federation'), (p) => p.endsWith('.ts') && !p.endsWith('.test.ts'));
    const named: Record<string, string[]> = {};
    for (const path of federation) {
      const tables = [...namedTables(readFileSync(path, 'utf8'), owners)].sort();
      if (tables.length > 0) named[relative(src, path)] = tables;
    }
    const expected = Object.fromEntries(Object.entries(pending).map(([f, p]) => [f, [...p.tables].sort()]));
    expect(named).toEqual(expected);
  });

  it('the scan sees a table named in Kysely, in SQL and as table.column, not in a comment', () => {
    const text = [
      "trx.selectFrom('case_tasks as t')",
      'sql`delete from hits where x`',
      "where('case_notes.body', '=', 1)",
      "// insertInto('users') in a comment",
      "const scope = 'entities'; const permission = 'cases.read';",
    ].join('\n');
    expect([...namedTables(text, owners)].sort()).toEqual(['case_notes', 'case_tasks', 'hits']);
  });
});
