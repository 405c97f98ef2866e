// Written by scripts/leaf-copies.ts (`npm run copies`): every copy, in order.

import type { Copy } from '../leaf-spec.js';
import { COPIES_0 } from './copies-0.js';
import { COPIES_1 } from './copies-1.js';
import { COPIES_2 } from './copies-2.js';
import { COPIES_3 } from './copies-3.js';
import { COPIES_4 } from './copies-4.js';
import { COPIES_5 } from './copies-5.js';
import { COPIES_6 } from './copies-6.js';
import { COPIES_7 } from './copies-7.js';
import { COPIES_8 } from './copies-8.js';
import { COPIES_9 } from './copies-9.js';
import { COPIES_10 } from './copies-10.js';
import { COPIES_11 } from './copies-11.js';
import { COPIES_12 } from './copies-12.js';
import { COPIES_13 } from './copies-13.js';
import { COPIES_14 } from './copies-14.js';
import { COPIES_15 } from './copies-15.js';

export const COPIES: readonly Copy[] = [
  ...COPIES_0,
  ...COPIES_1,
  ...COPIES_2,
  ...COPIES_3,
  ...COPIES_4,
  ...COPIES_5,
  ...COPIES_6,
  ...COPIES_7,
  ...COPIES_8,
  ...COPIES_9,
  ...COPIES_10,
  ...COPIES_11,
  ...COPIES_12,
  ...COPIES_13,
  ...COPIES_14,
  ...COPIES_15,
];
