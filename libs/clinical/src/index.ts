export * from './news2.js';
