// The catalogue lives below every stage, in src/diagnostic/codes/ (see there).
export { COLLECTION_CODES, type CollectionCode } from '../diagnostic/codes/collection.js';
