import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { DomainError, NotFound, ValidationFailed } from '../common/domain-error.js';
import { Patient, type Sex } from './patient.entity.js';
import { searchPatients } from './patients.queries.js';

export interface NewPatient {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: Sex;
}

@Injectable()
export class PatientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  search(text: string | undefined): Promise<Patient[]> {
    return text?.trim() ? searchPatients(this.dataSource.manager, text.trim()) : Promise.resolve([]);
  }

  async get(id: string): Promise<Patient> {
    const patient = await this.dataSource.manager.findOneBy(Patient, { id });
    if (!patient) throw new NotFound('The patient');
    return patient;
  }

  async create(actor: Actor, input: NewPatient): Promise<Patient> {
    if (input.dateOfBirth > new Date().toISOString().slice(0, 10)) {
      throw new ValidationFailed([
        { field: 'dateOfBirth', messages: ['dateOfBirth must not be in the future'] },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager
        .createQueryBuilder(Patient, 'patient')
        .where('upper(patient.mrn) = upper(:mrn)', { mrn: input.mrn })
        .getExists();
      if (taken) throw new DomainError('mrn-taken', `A patient with MRN ${input.mrn} is already registered.`);
      const patient = await manager.save(
        manager.create(Patient, {
          ...input,
          familyName: input.familyName.trim(),
          givenName: input.givenName.trim(),
          createdBy: actor.id,
        }),
      );
      await this.audit.record(manager, {
        actor,
        action: 'patient.created',
        entityType: 'patient',
        entityId: patient.id,
        change: { before: null, after: { ...input } },
      });
      return patient;
    });
  }
}
