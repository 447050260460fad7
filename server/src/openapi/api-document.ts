import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI description of the whole API: served at /api/docs(-json) and exported to
 * docs/openapi.json, from which the client's types are generated (npm run api:types).
 */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('infusion-tracker API')
      .setDescription(
        'Admissions for analgesic infusions, bedside observations, follow-ups and outcome audit.',
      )
      .setVersion('1')
      .build(),
  );
}
