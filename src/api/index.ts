// The API layer's public face. The extension imports from here only.

import type { ServiceConfig } from './config';
import type { DataWorksService } from './dataWorksService';
import { DataWorksServiceImpl, type ServiceDeps } from './service';

export type { ApiLogger, Credentials, EndpointOverride, ServiceConfig } from './config';
export type * from './dataWorksService';
export type * from './types';
export { DataWorksError, isDataWorksError } from './errors';
export type { CreateVerdict, DataWorksErrorKind, Locale } from './errors';
export { DATAWORKS_REGIONS } from '../base/regions';
export type { DataWorksRegion } from '../base/regions';
export type { ServiceDeps } from './service';
export type { Transport, TransportModule, TransportRequest, TransportResponse, SendOptions } from './transport';
export { failureOutcome, recordWrites } from './operationRecorder';
export { defaultLoadTransport } from './loader';

/** One service per credentials and region. Nothing is loaded or sent until the first call. */
export function createDataWorksService(config: ServiceConfig, deps?: ServiceDeps): DataWorksService {
  return new DataWorksServiceImpl(config, deps);
}
