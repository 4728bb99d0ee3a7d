// The user-groups-as-code file (`*.dwgroups.json`, JSONC): what a region's Data Security Guard user groups should be.
// Built from the same field rules as the user group form (schemas.ts), so a group the file accepts is a group the
// form accepts, and the JSON schema contributed to VS Code is generated from this one definition.
//
// The file names a region and groups only. It never holds an endpoint, a profile or a credential: those come from
// the active profile, so a file reviewed in a pull request cannot redirect requests or carry a secret.
import * as z from 'zod/mini';
import { REGION_ID_MAX, REGION_ID_PATTERN } from '../base/hosts';
import { lazy, projectRequiredForType3, userGroupFields } from './schemas';

/** The file name pattern VS Code matches (jsonValidation, CodeLens, diagnostics); in constants.ts for the activation shim. */
export { GROUPS_FILE_GLOB, GROUPS_FILE_SUFFIX } from '../constants';

/** Our cap: a file beyond this many groups is refused before any request (the bench plans 1,000). */
export const GROUPS_FILE_MAX_GROUPS = 5000;

export const groupsFileRegionSchema = lazy(() => z.string({ error: 'required' }).check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(REGION_ID_MAX, 'invalid'),
  z.regex(REGION_ID_PATTERN, 'invalid'),
));

/** One desired group. Matched to the server's groups by name (DsgUserGroupAddOrUpdate returns no IDs). */
export const desiredGroupSchema = lazy(() => z
  .strictObject(userGroupFields())
  .check(projectRequiredForType3()));
export type DesiredGroup = z.infer<typeof desiredGroupSchema>;

export const groupsFileSchema = lazy(() => z
  .strictObject({
    /** Editors' pointer to the schema; ignored by the extension. */
    $schema: z.optional(z.string().check(z.maxLength(2048))),
    region: groupsFileRegionSchema,
    /** Delete groups on the server that the file does not name. Off unless the file says so. */
    prune: z.optional(z.boolean({ error: 'invalid' })),
    groups: z.array(desiredGroupSchema).check(z.maxLength(GROUPS_FILE_MAX_GROUPS, 'tooManyGroups')),
  })
  .check(
    z.superRefine((f, ctx) => {
      const seen = new Set<string>();
      f.groups.forEach((g, i) => {
        if (seen.has(g.name)) {
          ctx.issues.push({ code: 'custom', message: 'duplicateGroupName', path: ['groups', i, 'name'], input: g.name });
        }
        seen.add(g.name);
      });
    }),
  ));
export type GroupsFile = z.infer<typeof groupsFileSchema>;
