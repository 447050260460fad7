import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patients, admissions, the prescriber's infusion orders and infusion events. Orders and events are
 * append-only: a wrong order is corrected by a row in infusion_order_corrections, never edited.
 */
export class AddPatientsAdmissionsAndInfusionRecord1764068400000 implements MigrationInterface {
  name = 'AddPatientsAdmissionsAndInfusionRecord1764068400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can be indexed.
    await queryRunner.query(`
      CREATE FUNCTION search_key(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);

    await queryRunner.query(`
      CREATE TABLE patients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mrn text NOT NULL,
        family_name text NOT NULL,
        given_name text NOT NULL,
        date_of_birth date NOT NULL,
        sex text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL REFERENCES users (id),
        CONSTRAINT patients_mrn_format CHECK (mrn ~ '^[A-Za-z0-9-]{3,20}$'),
        CONSTRAINT patients_names_present CHECK (length(btrim(family_name)) > 0 AND length(btrim(given_name)) > 0),
        CONSTRAINT patients_sex_known CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        CONSTRAINT patients_born_in_the_past CHECK (date_of_birth > DATE '1900-01-01')
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX patients_mrn_unique ON patients (upper(mrn))');
    await queryRunner.query(
      'CREATE INDEX patients_family_name_search ON patients (search_key(family_name) text_pattern_ops)',
    );
    await queryRunner.query(
      'CREATE INDEX patients_given_name_search ON patients (search_key(given_name) text_pattern_ops)',
    );

    await queryRunner.query(`
      CREATE TABLE admissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patients (id),
        ward text NOT NULL,
        bed text NOT NULL,
        indication text NOT NULL,
        indication_other text,
        drug text NOT NULL,
        drug_other text,
        admitting_prescriber_id uuid NOT NULL REFERENCES users (id),
        admitted_at timestamptz NOT NULL,
        planned_days integer NOT NULL,
        weight_kg numeric(5, 1),
        weight_measured_on date,
        baseline_pain integer NOT NULL,
        baseline_bpi_interference numeric(3, 1),
        consent_recorded_by uuid REFERENCES users (id),
        consent_recorded_at timestamptz,
        status text NOT NULL,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        discharged_at timestamptz,
        discharge_summary text,
        closing_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT admissions_status_known CHECK (
          status IN ('planned', 'admitted', 'infusing', 'paused', 'infusion-stopped', 'discharged', 'cancelled')
        ),
        CONSTRAINT admissions_indication_known CHECK (indication IN (
          'crps', 'post-herpetic-neuralgia', 'phantom-limb-pain', 'diabetic-neuropathy', 'chemotherapy-neuropathy',
          'spinal-cord-injury-pain', 'chronic-post-surgical-pain', 'other')),
        CONSTRAINT admissions_other_indication_named CHECK (indication <> 'other' OR length(btrim(coalesce(indication_other, ''))) > 0),
        CONSTRAINT admissions_drug_known CHECK (drug IN ('ketamine', 'lidocaine', 'other')),
        CONSTRAINT admissions_other_drug_named CHECK (drug <> 'other' OR length(btrim(coalesce(drug_other, ''))) > 0),
        CONSTRAINT admissions_planned_days_range CHECK (planned_days BETWEEN 1 AND 28),
        CONSTRAINT admissions_weight_range CHECK (weight_kg IS NULL OR weight_kg BETWEEN 2 AND 400),
        CONSTRAINT admissions_baseline_pain_nrs CHECK (baseline_pain BETWEEN 0 AND 10),
        CONSTRAINT admissions_bpi_range CHECK (baseline_bpi_interference IS NULL OR baseline_bpi_interference BETWEEN 0 AND 10),
        CONSTRAINT admissions_discharge_complete CHECK ((status = 'discharged') = (discharged_at IS NOT NULL))
      )`);
    // One open admission per patient at a time.
    await queryRunner.query(
      "CREATE UNIQUE INDEX admissions_one_open_per_patient ON admissions (patient_id) WHERE status NOT IN ('discharged', 'cancelled')",
    );
    await queryRunner.query(
      "CREATE INDEX admissions_open_by_ward ON admissions (ward) WHERE status NOT IN ('discharged', 'cancelled')",
    );
    await queryRunner.query(
      'CREATE INDEX admissions_by_patient ON admissions (patient_id, admitted_at DESC)',
    );

    await queryRunner.query(`
      CREATE TABLE infusion_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        drug text NOT NULL,
        route text NOT NULL,
        concentration_value numeric NOT NULL,
        concentration_unit text NOT NULL,
        rate_value numeric NOT NULL,
        rate_unit text NOT NULL,
        max_rate_value numeric,
        max_rate_unit text,
        increment_value numeric,
        increment_unit text,
        min_minutes_between_changes integer,
        end_points text,
        effective_from timestamptz NOT NULL,
        reason text NOT NULL,
        note text,
        over_max_reason text,
        entered_by uuid NOT NULL REFERENCES users (id),
        entered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT infusion_orders_route_known CHECK (route IN ('intravenous', 'subcutaneous')),
        CONSTRAINT infusion_orders_rate_unit_known CHECK (rate_unit IN ('mg/kg/h', 'mg/h', 'mcg/kg/min', 'mL/h')),
        CONSTRAINT infusion_orders_max_rate_unit_known CHECK (max_rate_unit IS NULL OR max_rate_unit IN ('mg/kg/h', 'mg/h', 'mcg/kg/min', 'mL/h')),
        CONSTRAINT infusion_orders_values_positive CHECK (
          concentration_value > 0 AND rate_value > 0 AND coalesce(max_rate_value, 1) > 0 AND coalesce(increment_value, 1) > 0),
        CONSTRAINT infusion_orders_max_rate_whole CHECK ((max_rate_value IS NULL) = (max_rate_unit IS NULL)),
        CONSTRAINT infusion_orders_increment_whole CHECK ((increment_value IS NULL) = (increment_unit IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX infusion_orders_by_admission ON infusion_orders (admission_id, effective_from DESC, entered_at DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE infusion_order_corrections (
        order_id uuid PRIMARY KEY REFERENCES infusion_orders (id),
        reason text NOT NULL,
        marked_by uuid NOT NULL REFERENCES users (id),
        marked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT infusion_order_corrections_reason CHECK (length(btrim(reason)) > 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE infusion_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        admission_id uuid NOT NULL REFERENCES admissions (id),
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reason text,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT infusion_events_type_known CHECK (type IN ('start', 'pause', 'resume', 'stop')),
        CONSTRAINT infusion_events_pause_has_reason CHECK (type <> 'pause' OR length(btrim(coalesce(reason, ''))) > 0)
      )`);
    await queryRunner.query(
      'CREATE INDEX infusion_events_by_admission ON infusion_events (admission_id, occurred_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE infusion_events');
    await queryRunner.query('DROP TABLE infusion_order_corrections');
    await queryRunner.query('DROP TABLE infusion_orders');
    await queryRunner.query('DROP TABLE admissions');
    await queryRunner.query('DROP TABLE patients');
    await queryRunner.query('DROP FUNCTION search_key(text)');
  }
}
