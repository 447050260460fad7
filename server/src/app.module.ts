import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { servingDataSourceOptions } from './database/data-source.js';
import { HealthModule } from './health/health.module.js';
import { AppInfoModule } from './app-info/app-info.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { UsersModule } from './users/users.module.js';
import { PatientsModule } from './patients/patients.module.js';
import { AdmissionsModule } from './admissions/admissions.module.js';
import { InfusionsModule } from './infusions/infusions.module.js';
import { ObservationsModule } from './observations/observations.module.js';
import { WardsModule } from './wards/wards.module.js';
// timeline (issue 10)
import { TimelineModule } from './timeline/timeline.module.js';
// Follow-ups after discharge (issue 9)
import { FollowUpsModule } from './follow-ups/follow-ups.module.js';
// Outcome reports (issue 11)
import { ReportsModule } from './reports/reports.module.js';
// Patient-reported follow-ups (issue 13)
import { PatientLinksModule } from './patient-links/patient-links.module.js';

/** Wires the feature modules for one configuration and one database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(servingDataSourceOptions(databaseUrl)),
        HealthModule,
        AppInfoModule,
        AuditModule,
        AuthModule,
        UsersModule,
        PatientsModule,
        AdmissionsModule,
        InfusionsModule,
        ObservationsModule,
        WardsModule,
        // timeline (issue 10)
        TimelineModule,
        // Follow-ups after discharge (issue 9)
        FollowUpsModule,
        // Outcome reports (issue 11)
        ReportsModule,
        // Patient-reported follow-ups (issue 13)
        PatientLinksModule,
      ],
    };
  }
}
