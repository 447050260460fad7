// node --import ./server/src/testing/register-typescript.mjs server/src/main.ts
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
