/** A compiled test of a record (any value: a non-object has no fields). Never throws. */
export type RecordTest = (record: unknown) => boolean;

/** Whether one record value (not a collection) satisfies a leaf; false for null or missing. */
export type ValueTest = (value: unknown) => boolean;
