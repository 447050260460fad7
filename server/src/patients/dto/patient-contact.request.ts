import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import {
  PHONE_LABELS,
  PREFERRED_CONTACT_METHODS,
  type PhoneLabel,
  type PreferredContactMethod,
} from '../patient.entity.js';

/** 6-20 characters of digits, spaces, + ( ) -, with at least 6 digits (ADR 4; the database checks the characters). */
export const PHONE_NUMBER = /^(?=(?:\D*\d){6})[0-9 +()-]{6,20}$/;

export class PhoneNumberRequest {
  @ApiProperty({ enum: PHONE_LABELS })
  @IsIn(PHONE_LABELS)
  label: PhoneLabel;

  @ApiProperty({ example: '0412 345 678', description: '6-20 digits, spaces, + ( ) -; at least 6 digits.' })
  @IsString()
  @Matches(PHONE_NUMBER, {
    message: 'number must be 6-20 digits, spaces, + ( ) or -, with at least 6 digits',
  })
  number: string;
}

export class PatientContactRequest {
  @ApiProperty({ type: PhoneNumberRequest, isArray: true, maxItems: 5 })
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => PhoneNumberRequest)
  phoneNumbers: PhoneNumberRequest[];

  @ApiProperty({ enum: PREFERRED_CONTACT_METHODS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(PREFERRED_CONTACT_METHODS)
  preferredMethod: PreferredContactMethod | null;
}
