// The action table: which product version serves which action, where its parameters travel and which gates apply.
import type { ActionSpec } from './common';
import { describeApiGroups } from './cloudapi';
import {
  createDataServiceGroup, getDataServiceGroup, getProject, listDataServiceApis, listDataServiceGroups, listProjects,
} from './dataworks';
import { addOrUpdate, deleteGroups, getOdpsRoleGroups, queryList, queryUserList } from './dsg';

export const DATAWORKS_VERSION = '2020-05-18';
export const CLOUDAPI_VERSION = '2016-07-14';

const dsg = { product: 'dataworks', placement: 'query', dsg: true, minEdition: 'Professional' } as const;

export const ACTIONS: Readonly<Record<string, Readonly<Record<string, ActionSpec>>>> = {
  [DATAWORKS_VERSION]: {
    ListProjects: { product: 'dataworks', placement: 'query', handler: listProjects },
    GetProject: { product: 'dataworks', placement: 'query', handler: getProject },
    ListDataServiceGroups: { product: 'dataworks', placement: 'body', handler: listDataServiceGroups },
    GetDataServiceGroup: { product: 'dataworks', placement: 'body', handler: getDataServiceGroup },
    CreateDataServiceGroup: { product: 'dataworks', placement: 'body', handler: createDataServiceGroup, minEdition: 'Enterprise' },
    ListDataServiceApis: { product: 'dataworks', placement: 'body', handler: listDataServiceApis },
    DsgUserGroupQueryList: { ...dsg, handler: queryList },
    DsgUserGroupQueryUserList: { ...dsg, handler: queryUserList },
    DsgUserGroupGetOdpsRoleGroups: { ...dsg, handler: getOdpsRoleGroups },
    DsgUserGroupAddOrUpdate: { ...dsg, handler: addOrUpdate, restricted: 'dsg' },
    DsgUserGroupDelete: { ...dsg, handler: deleteGroups, restricted: 'dsg' },
  },
  [CLOUDAPI_VERSION]: {
    DescribeApiGroups: { product: 'cloudapi', placement: 'query', handler: describeApiGroups, restricted: 'ram' },
  },
};

export const ALL_ACTIONS: readonly string[] = Object.values(ACTIONS).flatMap((a) => Object.keys(a));
