import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, buttonsNamed, choose, field, select, settle, text, type } from '../../testing/dom';
import { aPatient } from '../../testing/factories';
import { provideTestApp } from '../../testing/providers';
import { Patient } from '../core/api-types';
import { phoneNumberRule } from './contact-form';
import { FormControl } from '@angular/forms';
import { PatientContactPanel } from './patient-contact-panel';

describe('PatientContactPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PatientContactPanel>;
  let panel: HTMLElement;

  async function render(patient: Patient, canEdit: boolean) {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PatientContactPanel);
    panel = fixture.nativeElement;
    fixture.componentRef.setInput('patient', patient);
    fixture.componentRef.setInput('canEdit', canEdit);
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const withContact = () =>
    aPatient({
      id: 'patient-1',
      contact: { phoneNumbers: [{ label: 'mobile', number: '0412 345 678' }], preferredMethod: 'phone' },
    });

  it('shows the numbers as phone links and the preferred method', async () => {
    await render(withContact(), false);
    expect(text(panel)).toContain('Mobile 0412 345 678');
    expect(text(panel)).toContain('Preferred contact method: Phone');
    expect(panel.querySelector('a')?.getAttribute('href')).toBe('tel:0412 345 678');
    expect(buttonsNamed(panel, 'Change contact details')).toEqual([]);
  });

  it('says when the role may not see contact details', async () => {
    await render(aPatient({ contact: null }), false);
    expect(text(panel)).toBe('Contact details are not shown to your role.');
  });

  it('changes the contact details and shows what the server saved', async () => {
    await render(withContact(), true);
    button(panel, 'Change contact details').click();
    await settle(fixture);
    expect(field(panel, 'Phone 1 number').value).toBe('0412 345 678');
    button(panel, 'Add a phone number').click();
    await settle(fixture);
    choose(select(panel, 'Phone 2 type'), 'Home');
    type(field(panel, 'Phone 2 number'), '02 9876 5432');
    choose(select(panel, 'Preferred contact method'), 'Letter');
    button(panel, 'Save contact details').click();

    const patch = http.expectOne('/api/patients/patient-1/contact');
    expect(patch.request.method).toBe('PATCH');
    const contact = {
      phoneNumbers: [
        { label: 'mobile' as const, number: '0412 345 678' },
        { label: 'home' as const, number: '02 9876 5432' },
      ],
      preferredMethod: 'letter' as const,
    };
    expect(patch.request.body).toEqual(contact);
    patch.flush({ ...withContact(), contact });
    await settle(fixture);
    expect(text(panel)).toContain('Home 02 9876 5432');
    expect(text(panel)).toContain('Preferred contact method: Letter');
    expect(text(panel.querySelector('[role="status"]'))).toBe('Contact details saved.');
  });

  it('shows the server problem and keeps the form', async () => {
    await render(withContact(), true);
    button(panel, 'Change contact details').click();
    await settle(fixture);
    button(panel, 'Save contact details').click();
    http.expectOne('/api/patients/patient-1/contact').flush(
      {
        type: '/problems/validation-failed',
        title: 'The request is not valid',
        status: 400,
        errors: [{ field: 'phoneNumbers', messages: ['at most 5 numbers'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(panel.querySelector('[role="alert"]'))).toContain('Phone numbers: at most 5 numbers');
  });
});

describe('phoneNumberRule', () => {
  const check = (value: string) => phoneNumberRule(new FormControl(value, { nonNullable: true }));

  it('accepts 6-20 characters of digits, spaces, + ( ) - with at least 6 digits', () => {
    expect(check('0412 345 678')).toBeNull();
    expect(check('+61 (2) 9876-5432')).toBeNull();
    expect(check('123456')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('refuses letters, too few digits and too many characters', () => {
    expect(check('12345')).toEqual({ phoneNumber: true });
    expect(check('(12) 34-5')).toEqual({ phoneNumber: true });
    expect(check('0412 345 678 ext 2')).toEqual({ phoneNumber: true });
    expect(check('0412 345 678 901 234 56')).toEqual({ phoneNumber: true });
  });
});
