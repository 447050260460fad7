import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { InfusionsController } from './infusions.controller.js';
import { InfusionsService } from './infusions.service.js';

@Module({ imports: [AuditModule], controllers: [InfusionsController], providers: [InfusionsService] })
export class InfusionsModule {}
