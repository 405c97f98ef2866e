/**
 * A new tracking id: 32 lowercase hex digits (128 random bits), the shape of the seed's
 * `e7eab60924f64aa284175b9fa3309599`. Uses the Web Crypto API, available in browsers and Node.
 */
export function generateTrackingId(): string {
  const bytes = new Uint8Array(16);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (typeof crypto?.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    // A tracking id correlates logs; it is not a secret, so a weaker source is acceptable here.
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
