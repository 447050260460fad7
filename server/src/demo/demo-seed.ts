import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/**
 * Loads realistic demo data into an empty database (demo mode only). The platform has no clinical
 * tables yet; sign-in users, admissions and observations extend this as they arrive.
 */
export async function seedDemoDataIfEmpty(_url: string, _config: AppConfig, log: Logger): Promise<void> {
  log.debug('demo data: nothing to seed yet');
}
