import { readConfig } from '../config.ts';
import type { ServiceSettings } from '../services/service-ctx.ts';

/** The seed's work runs under the default settings, whatever the server's environment says. */
export const demoSettings: ServiceSettings = { triageSlaDays: readConfig({}).triageSlaDays };
