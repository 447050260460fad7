/** Every TypeORM entity, listed explicitly (ES modules and glob patterns do not mix well). */
export const entities: Function[] = [];
