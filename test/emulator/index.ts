// Public surface of the local DataWorks emulator. Other test suites and the extension's dev setup code against
// exactly these names; see README.md for behaviour and assumptions.
export type { SeedName, Edition, EmulatorData, RegionData, WorkspaceRecord, BusinessProcessRecord, DataServiceApiRecord, ApiGatewayGroupRecord, TenantUserRecord, UserGroupRecord } from './model';
export type { FaultConfig } from './faults';
export type { EmulatorOptions, RunningEmulator, DsgErrorStyle, DsgErrorCodes, DsgCase, DsgListShape } from './server';
export { DSG_NUMERIC } from './errors';
export { startEmulator } from './server';
export { DEMO_CREDENTIALS, DEMO_STS_CREDENTIALS, EXPIRED_STS_CREDENTIALS, RESTRICTED_CREDENTIALS } from './credentials';
export type { KeyPair, StsKeyPair } from './credentials';
