import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PERMISSION_NAMES } from '../src/contexts/accounts/domain/permissions';

// What a user may do is the API's to say (GET /api/me's permissions). The web app keeps no copy of
// the rules: no role lists, no decisions on a role, only permission names the API knows.

const WEB = path.join(__dirname, '..', 'web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const ROLE = `(?:primary_admin|admin|agent|auditor)`;
const ROLE_RULES: Array<[string, RegExp]> = [
  ['a comparison with a role', /\.role\s*[!=]==?|[!=]==?\s*[\w.?]*\.role\b/],
  ['a role looked up in a list', /\.includes\(\s*[\w.?]*\.?role\s*\)/i],
  ['a switch on a role', /switch\s*\(\s*[\w.?]*\.?role\s*\)/i],
  // Two role names in a row, or a `roles:` property given a list (its type, `roles: readonly Role[]`, is no rule).
  ['a list of roles', new RegExp(`['"]${ROLE}['"]\\s*,\\s*['"]${ROLE}['"]|\\broles\\s*:\\s*(?:\\[|[a-z_]\\w*\\s*[,}]|[A-Z_]{2,}\\b)`)],
  ['a role check helper', /requireRole|hasRole|isAdmin|isAuditor/],
  // These two names mean nothing but a role; 'admin' and 'agent' are also ordinary words.
  ['a role by name', /['"`](?:primary_admin|auditor)['"`]/],
];

/** The role rules a piece of web code holds, by line. */
function roleRules(source: string): string[] {
  return source.split('\n').flatMap((line, index) =>
    ROLE_RULES.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${index + 1}: ${what}: ${line.trim()}`),
  );
}

/** Where the API's answers are described (generated declarations included), role names are data, not rules. */
const describesTheApi = (file: string) => file === 'lib/api.ts' || file.endsWith('.d.ts');

describe('the web app and access rules', () => {
  const files = sourceFiles(WEB).map((full) => ({ file: path.relative(WEB, full).split(path.sep).join('/'), source: readFileSync(full, 'utf8') }));

  it('finds the rules it looks for', () => {
    expect(roleRules("const canAct = me.role !== 'auditor';")).not.toEqual([]);
    expect(roleRules("if (!['primary_admin', 'admin'].includes(me.role)) forbidden();")).not.toEqual([]);
    expect(roleRules("{ href: '/audit', label: 'Audit', roles: everyone }")).not.toEqual([]);
    expect(roleRules("await requireRole(['primary_admin']);")).not.toEqual([]);
    expect(roleRules('{ href: "/users", label: "Users", roles: ADMINS },')).not.toEqual([]);
    expect(roleRules('export function UserActions({ user, roles }: { user: User; roles: readonly Role[] }) {')).toEqual([]);
    expect(roleRules("const canReply = can(me, 'conversations.reply');")).toEqual([]);
    expect(roleRules("{line.author === 'agent' ? line.name : 'You'}")).toEqual([]);
  });

  it('holds no role rule anywhere (role words live in the roles catalogue)', () => {
    expect(files.length).toBeGreaterThan(30);
    const found = files
      .filter(({ file }) => !describesTheApi(file))
      .flatMap(({ file, source }) => roleRules(source).map((rule) => `${file}:${rule}`));
    expect(found).toEqual([]);
  });

  it('asks only for permissions the API has', () => {
    const asked = files.flatMap(({ file, source }) =>
      [...source.matchAll(/(?:\bcan\([^,()]+,\s*|requirePermission\(\s*|permission:\s*)'([^']+)'/g)].map((match) => ({ file, permission: match[1] })),
    );
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter(({ permission }) => !(PERMISSION_NAMES as string[]).includes(permission))).toEqual([]);
  });
});
