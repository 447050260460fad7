import { ApiProperty } from '@nestjs/swagger';
import { AdmissionResponse } from '../../admissions/dto/admission.response.js';

export class OrderCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['no-maximum', 'within', 'above', 'not-comparable'],
    description: 'not-comparable: the maximum is in another unit; nothing is converted.',
  })
  maximumRateCheck: string;
  @ApiProperty({ type: AdmissionResponse }) admission: AdmissionResponse;
}
