import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, AuditTrail } from '../audit/audit-trail.service.js';
import { DomainError, NotFound, ValidationFailed } from '../common/domain-error.js';
import { Patient, type PhoneNumber, type PreferredContactMethod, type Sex } from './patient.entity.js';
import { searchPatients } from './patients.queries.js';

export interface NewPatient {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: Sex;
  contact?: PatientContact;
}

export interface PatientContact {
  phoneNumbers: PhoneNumber[];
  preferredMethod: PreferredContactMethod | null;
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
      const { contact, ...identity } = input;
      const patient = await manager.save(
        manager.create(Patient, {
          ...identity,
          familyName: input.familyName.trim(),
          givenName: input.givenName.trim(),
          phoneNumbers: contact ? cleanPhoneNumbers(contact.phoneNumbers) : [],
          preferredContactMethod: contact?.preferredMethod ?? null,
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

  /** Replaces the phone numbers and preferred method; audited before/after. */
  async updateContact(actor: Actor, id: string, contact: PatientContact): Promise<Patient> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await manager.findOne(Patient, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!patient) throw new NotFound('The patient');
      const before = { phoneNumbers: patient.phoneNumbers, preferredMethod: patient.preferredContactMethod };
      patient.phoneNumbers = cleanPhoneNumbers(contact.phoneNumbers);
      patient.preferredContactMethod = contact.preferredMethod;
      const saved = await manager.save(patient);
      await this.audit.record(manager, {
        actor,
        action: 'patient.contact-updated',
        entityType: 'patient',
        entityId: id,
        change: {
          before,
          after: { phoneNumbers: saved.phoneNumbers, preferredMethod: saved.preferredContactMethod },
        },
      });
      return saved;
    });
  }
}

function cleanPhoneNumbers(numbers: PhoneNumber[]): PhoneNumber[] {
  return numbers.map((phone) => ({ label: phone.label, number: phone.number.trim() }));
}
