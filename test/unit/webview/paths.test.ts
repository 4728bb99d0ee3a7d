import assert from 'node:assert/strict';
import { BP_IDS, ROW_FIELDS, bpControlForPath, bpPathOfControl, ugControlForPath, ugControlId, ugNameRow, ugPath, ugRowTarget, type BpField } from '../../../media/forms/paths';

describe('form paths ↔ control ids', () => {
  it('user groups: every row field goes path → control → field and row, and back', () => {
    for (const row of [0, 1, 9, 12]) {
      for (const field of ROW_FIELDS) {
        const id = ugControlId(field, row);
        assert.equal(ugControlForPath(ugPath(field, row)), id);
        assert.deepEqual(ugRowTarget(id), { field, row });
      }
    }
  });

  it('user groups: the ids the UI tests rely on', () => {
    assert.deepEqual(ROW_FIELDS.map((f) => ugControlId(f, 2)), ['ug-name-2', 'ug-owner-2', 'ug-type-2', 'ug-project-2', 'ug-accounts-2']);
    assert.equal(ugPath('projectName', 2), 'groups.2.projectName');
  });

  it('user groups: an error on one account lands on the row\'s account search box', () => {
    assert.equal(ugControlForPath('groups.2.accounts.5'), 'ug-accounts-2');
  });

  it('user groups: other paths and ids find nothing', () => {
    for (const path of ['groups', 'groups.1', 'groups.x.name', 'groups.1.project', 'groups.1.name.x', 'rows.1.name', 'groups.1.constructor', '']) {
      assert.equal(ugControlForPath(path), undefined, path);
    }
    for (const id of ['ug-paste-0', 'ug-projectName-0', 'ug-name-', 'ug-name-0-status', 'ug-accounts-0-options', 'ug-acc-0-1', 'bp-name', 'ug-constructor-0', '']) {
      assert.equal(ugRowTarget(id), undefined, id);
    }
  });

  it('user groups: the row of a name path', () => {
    assert.equal(ugNameRow('groups.3.name'), 3);
    assert.equal(ugNameRow('groups.3.owner'), undefined);
    assert.equal(ugNameRow('groups.3.name.0'), undefined);
  });

  it('business process: every field goes path → control → path', () => {
    for (const field of Object.keys(BP_IDS) as BpField[]) {
      const id = bpControlForPath(field);
      assert.ok(id, field);
      assert.equal(bpPathOfControl(id), field);
    }
    assert.deepEqual(BP_IDS, { projectId: 'bp-workspace', apiGatewayGroupId: 'bp-apigw', name: 'bp-name', description: 'bp-description' });
  });

  it('business process: errors of the form as a whole, and names of Object.prototype, have no control', () => {
    for (const path of ['', 'form', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'groups.0.name']) {
      assert.equal(bpControlForPath(path), undefined, path);
    }
    for (const id of ['bp-name-status', 'bp-apigw-list', 'toString', '']) assert.equal(bpPathOfControl(id), undefined, id);
  });
});
