import { encode } from '@colyseus/schema';

/**
 * @colyseus/schema 3.0 writes the length of a string of exactly 255 UTF-8 bytes as `255 % 255`, i.e. 0,
 * so every client decodes the rest of that patch as garbage (a seat name or a JSON item of that length
 * would corrupt the room's state for everyone). This writes the same wire format with the right length.
 */
type StringEncoder = (bytes: Buffer, value: string, it: { offset: number }) => number;
const encoders = encode as unknown as { string: StringEncoder; utf8Write: (bytes: Buffer, value: string, it: { offset: number }) => void };
const original = encoders.string;

encoders.string = (bytes, value, it) => {
  if (!value || Buffer.byteLength(value, 'utf8') !== 0xff) return original(bytes, value, it);
  bytes[it.offset++] = 0xd9;
  bytes[it.offset++] = 0xff;
  encoders.utf8Write(bytes, value, it);
  return 2 + 0xff;
};
