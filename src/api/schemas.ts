// Response schemas. zod/mini rather than classic zod: the same checks at a fraction of the bundle size
// (measured in the API layer's notes). Objects strip unknown keys, so new server fields never break parsing.
// Required here = what the tree and forms cannot work without (IDs, names, paging); the rest gets defaults.

import * as z from 'zod/mini';

const optStr = z.optional(z.nullable(z.string()));
const optNum = z.optional(z.nullable(z.number()));
/** IDs that some responses send as numbers and others as strings. */
const idLike = z.union([z.string(), z.number()]);
const optArr = <T extends z.ZodMiniType>(item: T) => z.optional(z.nullable(z.array(item)));

const page = {
  PageNumber: z.number(),
  PageSize: z.number(),
  TotalCount: z.number(),
};

const tag = z.object({ Key: z.string(), Value: optStr });

const projectCommon = {
  ProjectId: z.number(),
  ProjectIdentifier: z.string(),
  ProjectName: optStr,
  ProjectDescription: optStr,
  ProjectStatusCode: optStr,
  ProjectOwnerBaseId: z.optional(z.nullable(idLike)),
  ResourceManagerResourceGroupId: optStr,
  IsDefault: z.optional(z.nullable(z.union([z.number(), z.boolean()]))),
  Tags: optArr(tag),
};

export const listProjectsBody = z.object({
  RequestId: optStr,
  PageResult: z.object({
    ...page,
    ProjectList: optArr(z.object({ ...projectCommon, ProjectStatus: optNum })),
  }),
});

export const getProjectBody = z.object({
  RequestId: optStr,
  Data: z.object({
    ...projectCommon,
    Status: optNum,
    ProjectStatus: optNum,
    TenantId: optNum,
    ProjectMode: optNum,
    EnvTypes: optArr(z.string()),
    GmtCreate: optStr,
    GmtModified: optStr,
  }),
});

const dataServiceGroup = z.object({
  GroupId: z.string(),
  GroupName: z.string(),
  Description: optStr,
  ApiGatewayGroupId: optStr,
  ProjectId: optNum,
  CreatorId: z.optional(z.nullable(idLike)),
  CreatedTime: optStr,
  ModifiedTime: optStr,
});
export type DataServiceGroupWire = z.infer<typeof dataServiceGroup>;

export const listDataServiceGroupsBody = z.object({
  RequestId: optStr,
  GroupPagingResult: z.object({ ...page, Groups: optArr(dataServiceGroup) }),
});

export const getDataServiceGroupBody = z.object({ RequestId: optStr, Group: dataServiceGroup });

export const createDataServiceGroupBody = z.object({ RequestId: optStr, GroupId: z.string().check(z.minLength(1)) });

/**
 * ListDataServiceApis (Go SDK ListDataServiceApisResponseBody): every field is optional in the model. Only what the
 * tree cannot do without is required (ApiId, GroupId); ApiName and ApiPath fall back in mappers.ts. The mode's
 * details (WizardDetails, ScriptDetails, RegistrationDetails) are not read and so stripped.
 */
const dataServiceApi = z.object({
  ApiId: idLike,
  ApiName: optStr,
  ApiPath: optStr,
  GroupId: z.string(),
  ProjectId: optNum,
  Status: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  ApiMode: optNum,
  Description: optStr,
  CreatorId: z.optional(z.nullable(idLike)),
  CreatedTime: optStr,
  ModifiedTime: optStr,
});
export type DataServiceApiWire = z.infer<typeof dataServiceApi>;

export const listDataServiceApisBody = z.object({
  RequestId: optStr,
  Data: z.object({ ...page, Apis: optArr(dataServiceApi) }),
});

const userGroup = z.object({
  Id: z.number(),
  Name: z.string(),
  Owner: optStr,
  Accounts: optArr(z.string()),
  UserGroupType: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  ProjectName: optStr,
  GmtCreate: optStr,
  GmtModified: optStr,
});

export const dsgUserGroupQueryListBody = z.object({
  RequestId: optStr,
  PageData: z.object({ ...page, Data: optArr(userGroup) }),
});

/**
 * The SDK models every item field as optional, so one incomplete item must not fail the whole list: only the list
 * itself is checked here, and mappers.ts keeps the items that can be used.
 */
export const dsgUserGroupQueryUserListBody = z.object({
  RequestId: optStr,
  Data: z.array(z.unknown()),
});

export const dsgOdpsRoleGroupsBody = z.object({ RequestId: optStr, Data: optArr(z.string()) });

/** AddOrUpdate and Delete: `Data` is the operation's own verdict. */
export const dsgWriteBody = z.object({ RequestId: optStr, Success: z.optional(z.nullable(z.boolean())), Data: z.optional(z.nullable(z.boolean())) });

export const describeApiGroupsBody = z.object({
  RequestId: optStr,
  ...page,
  ApiGroupAttributes: z.optional(z.nullable(z.object({
    ApiGroupAttribute: optArr(z.object({
      GroupId: z.string(),
      GroupName: z.string(),
      Description: optStr,
      RegionId: optStr,
      BasePath: optStr,
      InstanceId: optStr,
      InstanceType: optStr,
      SubDomain: optStr,
      ModifiedTime: optStr,
    })),
  }))),
});

/**
 * DSG bodies are documented in PascalCase, but the SDK's own examples show lower camel keys. Copy each lower-camel
 * key to its PascalCase name when the PascalCase one is absent, recursively, so both parse with one schema.
 */
export function pascalizeKeys(value: unknown, deep = true): unknown {
  if (Array.isArray(value)) return deep ? value.map((v) => pascalizeKeys(v)) : value;
  if (typeof value !== 'object' || value === null) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) out[k] = deep ? pascalizeKeys(v) : v;
  for (const [k, v] of Object.entries(src)) {
    const first = k.charAt(0);
    if (first !== first.toLowerCase() || first === first.toUpperCase()) continue;
    const pascal = first.toUpperCase() + k.slice(1);
    if (!(pascal in out)) out[pascal] = deep ? pascalizeKeys(v) : v;
  }
  return out;
}

export type Schema<T> = z.ZodMiniType<T>;
