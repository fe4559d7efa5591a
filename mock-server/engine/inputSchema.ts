/** The run-input check lives beside the API contract, so the executor and a form refuse input alike. */
export { checkInput, isPlainObject, type FieldError } from '../../src/api/inputSchema.js';
