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
import { COPIES_16 } from './copies-16.js';
import { COPIES_17 } from './copies-17.js';
import { COPIES_18 } from './copies-18.js';
import { COPIES_19 } from './copies-19.js';
import { COPIES_20 } from './copies-20.js';
import { COPIES_21 } from './copies-21.js';
import { COPIES_22 } from './copies-22.js';
import { COPIES_23 } from './copies-23.js';
import { COPIES_24 } from './copies-24.js';
import { COPIES_25 } from './copies-25.js';
import { COPIES_26 } from './copies-26.js';
import { COPIES_27 } from './copies-27.js';
import { COPIES_28 } from './copies-28.js';
import { COPIES_29 } from './copies-29.js';
import { COPIES_30 } from './copies-30.js';
import { COPIES_31 } from './copies-31.js';

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
  ...COPIES_16,
  ...COPIES_17,
  ...COPIES_18,
  ...COPIES_19,
  ...COPIES_20,
  ...COPIES_21,
  ...COPIES_22,
  ...COPIES_23,
  ...COPIES_24,
  ...COPIES_25,
  ...COPIES_26,
  ...COPIES_27,
  ...COPIES_28,
  ...COPIES_29,
  ...COPIES_30,
  ...COPIES_31,
];
