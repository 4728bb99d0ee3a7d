import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantUser } from '../../../src/api';
import {
  checkGroupsFileOnServer, closestNames, editDistance, MAX_ROLE_PROJECTS, regionFinding,
} from '../../../src/services/groupsFileCheck';
import type { GroupsFileLookups } from '../../../src/services/groupsFileCheck';
import type { GroupsFile } from '../../../src/shared/groupsFile';
import { parseGroupsFile } from '../../../src/shared/groupsFileText';
import { buildSeed } from '../../emulator/seeds';

const user = (accountName: string, accountType = 2): TenantUser => ({
  accountName, accountType, baseId: `id-${accountName}`, parentAccountId: '1', yunAccount: `${accountType === 6 ? 'role' : 'user'}:${accountName}`,
});
const USERS = [user('acme_data', 1), user('alice'), user('bob'), user('carol'), user('dataworks_etl_role', 6), user('bi_readonly_role', 6)];
const ROLES: Record<string, string[]> = { sales_dw: ['role_project_admin', 'role_project_dev', 'sales_analyst'] };

/** The lookups the checks get, counting the reads. */
class FakeLookups implements GroupsFileLookups {
  userReads = 0;
  roleReads: string[] = [];
  constructor(private readonly opts: { failUsers?: boolean; failRoles?: boolean; cacheOnly?: boolean } = {}) {}
  tenantUsers(): Promise<readonly TenantUser[] | undefined> {
    this.userReads++;
    if (this.opts.cacheOnly) return Promise.resolve(undefined);
    return this.opts.failUsers ? Promise.reject(new Error('Throttling.User')) : Promise.resolve(USERS);
  }
  maxComputeRoles(projectName: string): Promise<readonly string[] | undefined> {
    this.roleReads.push(projectName);
    if (this.opts.cacheOnly) return Promise.resolve(undefined);
    return this.opts.failRoles ? Promise.reject(new Error('boom')) : Promise.resolve(ROLES[projectName] ?? []);
  }
}

const file = (groups: GroupsFile['groups']): GroupsFile => ({ region: 'cn-shanghai', groups });

describe('groupsFileCheck', () => {
  it('finds nothing in a file that matches the tenant (accounts by YunAccount or by name)', async () => {
    const lookups = new FakeLookups();
    const findings = await checkGroupsFileOnServer(file([
      { name: 'a', owner: 'alice', type: 1, accounts: ['user:bob', 'carol', 'acme_data'] },
      { name: 'b', owner: 'user:acme_data', type: 2, accounts: ['role:dataworks_etl_role', 'bi_readonly_role'] },
      { name: 'c', owner: 'bob', type: 3, projectName: 'sales_dw', accounts: ['sales_analyst'] },
    ]), lookups);
    assert.deepEqual(findings, []);
    assert.equal(lookups.userReads, 1);
    assert.deepEqual(lookups.roleReads, ['sales_dw']);
  });

  it('finds an unknown owner and account, with the closest names of the right kind as suggestions', async () => {
    const findings = await checkGroupsFileOnServer(file([
      { name: 'a', owner: 'alcie', type: 1, accounts: ['user:bbo', 'zzzzzzzz'] },
    ]), new FakeLookups());
    assert.deepEqual(findings, [
      { path: ['groups', 0, 'owner'], code: 'unknownOwner', severity: 'warning', args: ['alcie'], suggestions: ['alice'] },
      { path: ['groups', 0, 'accounts', 0], code: 'unknownAccount', severity: 'warning', args: ['user:bbo'], suggestions: ['user:bob'] },
      { path: ['groups', 0, 'accounts', 1], code: 'unknownAccount', severity: 'warning', args: ['zzzzzzzz'], suggestions: [] },
    ]);
  });

  it('finds a role in a type 1 group and a user in a type 2 group (the server refuses both)', async () => {
    const findings = await checkGroupsFileOnServer(file([
      { name: 'a', owner: 'alice', type: 1, accounts: ['role:bi_readonly_role'] },
      { name: 'b', owner: 'alice', type: 2, accounts: ['user:bob'] },
    ]), new FakeLookups());
    assert.deepEqual(findings.map((f) => [f.code, f.path.join('.')]), [['accountIsRole', 'groups.0.accounts.0'], ['accountIsNotRole', 'groups.1.accounts.0']]);
  });

  it('finds a MaxCompute role its project does not have, suggesting the project\'s roles', async () => {
    const findings = await checkGroupsFileOnServer(file([
      { name: 'c', owner: 'bob', type: 3, projectName: 'sales_dw', accounts: ['role_project_dve'] },
    ]), new FakeLookups());
    assert.deepEqual(findings, [{
      path: ['groups', 0, 'accounts', 0], code: 'unknownRole', severity: 'warning', args: ['role_project_dve', 'sales_dw'], suggestions: ['role_project_dev', 'role_project_admin'],
    }]);
  });

  it('asks once per distinct project, for at most MAX_ROLE_PROJECTS projects', async () => {
    const lookups = new FakeLookups();
    const groups: GroupsFile['groups'] = Array.from({ length: 30 }, (_, i) => ({ name: `g${i}`, owner: 'bob', type: 3 as const, projectName: `p${i % 15}`, accounts: ['x'] }));
    await checkGroupsFileOnServer(file(groups), lookups);
    assert.equal(lookups.roleReads.length, MAX_ROLE_PROJECTS);
    assert.equal(new Set(lookups.roleReads).size, MAX_ROLE_PROJECTS);
  });

  it('turns failed reads into one info finding and never rejects', async () => {
    for (const opts of [{ failUsers: true }, { failRoles: true }, { failUsers: true, failRoles: true }]) {
      const findings = await checkGroupsFileOnServer(file([
        { name: 'c', owner: 'nobody', type: 3, projectName: 'sales_dw', accounts: ['x'] },
        { name: 'd', owner: 'bob', type: 3, projectName: 'other', accounts: ['x'] },
      ]), new FakeLookups(opts));
      const info = findings.filter((f) => f.code === 'notChecked');
      assert.equal(info.length, 1, JSON.stringify(opts));
      assert.equal(info[0]?.severity, 'info');
      // What could be read is still checked.
      if (!opts.failUsers) assert.ok(findings.some((f) => f.code === 'unknownOwner'));
    }
  });

  it('skips silently what is not read yet when requests are not allowed (typing)', async () => {
    const findings = await checkGroupsFileOnServer(file([{ name: 'c', owner: 'nobody', type: 3, projectName: 'sales_dw', accounts: ['x'] }]), new FakeLookups({ cacheOnly: true }));
    assert.deepEqual(findings, []);
  });

  it('stops asking for roles once the check is superseded', async () => {
    const lookups = new FakeLookups();
    const abort = new AbortController();
    abort.abort();
    await checkGroupsFileOnServer(file([{ name: 'c', owner: 'bob', type: 3, projectName: 'sales_dw', accounts: ['x'] }]), lookups, abort.signal);
    assert.deepEqual(lookups.roleReads, []);
  });

  it('warns when the file is for another region than the active profile\'s', () => {
    assert.equal(regionFinding({ region: 'cn-shanghai' }, 'dev', 'cn-shanghai'), undefined);
    assert.deepEqual(regionFinding({ region: 'cn-hangzhou' }, 'dev', 'cn-shanghai'), {
      path: ['region'], code: 'otherRegion', severity: 'warning', args: ['cn-hangzhou', 'dev', 'cn-shanghai'],
    });
  });

  it('edit distance and closest names', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.ok(editDistance('Alice', 'alice') < editDistance('alice', 'alicf'));
    assert.deepEqual(closestNames('alcie', ['alice', 'bob', 'alicia', 'carol', 'al']), ['alice', 'alicia', 'al']);
    assert.deepEqual(closestNames('ALICE', ['alice']), ['alice']);
    assert.deepEqual(closestNames('alice', ['alice']), [], 'the name itself is no suggestion');
    assert.deepEqual(closestNames('qqqqqqqq', ['alice', 'bob']), []);
    assert.equal(closestNames('a', Array.from({ length: 50 }, (_, i) => `b${i}`)).length, 3);
  });
});

describe('groupsFileCheck: the example file against the demo seed', () => {
  it('examples/user-groups.dwgroups.json has no finding against the emulator\'s demo tenant', async () => {
    const seed = buildSeed('demo');
    const parsed = parseGroupsFile(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'user-groups.dwgroups.json'), 'utf8'));
    assert.ok(parsed.value);
    const lookups: GroupsFileLookups = {
      tenantUsers: () => Promise.resolve(seed.tenantUsers),
      maxComputeRoles: (p) => Promise.resolve(seed.maxComputeRoles[p] ?? []),
    };
    assert.deepEqual(await checkGroupsFileOnServer(parsed.value, lookups), []);
    assert.equal(regionFinding(parsed.value, 'Environment', 'cn-shanghai'), undefined);
  });
});
